using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(WeChatPay.Chain.Benchmarks.SignedCallBenchmarks).Assembly).Run(args);
