using WeChatPay.Chain.Demo;

// dotnet run --project samples/Demo               the seed calls against an embedded fake platform (or the real one, see README)
// dotnet run --project samples/Demo -- serve      a fake platform on 127.0.0.1 until Ctrl+C or SIGTERM, for your own app to call
return args.FirstOrDefault() switch
{
    "serve" => await Serve.RunAsync(args.Skip(1).ToArray()),
    "--help" or "-h" => Usage(),
    _ => await SeedCalls.RunAsync(args),
};

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run --project samples/Demo [-- serve [--port N]] [-- --allow-write]

          (no arguments)  run the profit-sharing return seed calls in all three styles against an embedded fake
                          WeChat Pay platform; with WECHATPAY_MCHID etc. set, against the real platform (queries only,
                          unless --allow-write)
          serve           start a fake platform on 127.0.0.1 and print client options for it, until Ctrl+C or SIGTERM
        """);
    return 0;
}
