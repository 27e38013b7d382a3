using WeChatPay.Chain.Cli;
using WeChatPay.Chain.Cli.Configuration;

return await Cli.RunAsync(args, Terminal.System());
