using WeChatPay.Chain;

// The call a one-call script makes: keys from the environment, one query, its status and one field printed.
// eng/coldstart/run.sh runs it beside the same call made with wechatpay-axios-plugin (one-call.js). By default the chain
// is dynamic, as a script writes it; with the argument "typed" the same call goes through IChainNode, which keeps the
// C# runtime binder (a fixed cost of about 45 ms per process, docs/performance.md) out of the process.
// Two floors, for comparison: "floor" starts and exits; "floor-dynamic" also makes one dynamic member access on a
// framework type, which is what the C# runtime binder costs a process before the chain does anything.
if (args is ["floor"])
{
    Console.WriteLine("floor");
    return;
}

if (args is ["floor-dynamic"])
{
    dynamic uri = new Uri("https://api.mch.weixin.qq.com/v3");
    string path = uri.AbsolutePath;
    Console.WriteLine(path);
    return;
}

static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set");

var options = new BuilderOptions
{
    Mchid = Env("WECHATPAY_MCHID"),
    Serial = Env("WECHATPAY_SERIAL"),
    PrivateKey = Env("WECHATPAY_PRIVATE_KEY"),
    Certs = { [Env("WECHATPAY_PUBLIC_KEY_ID")] = Env("WECHATPAY_PUBLIC_KEY") },
    BaseUri = new Uri(Env("WECHATPAY_BASE_URI")),
};
var query = new { out_trade_no = "1217752501201407033233368018", query = new { mchid = Env("WECHATPAY_MCHID") } };

if (args is ["typed"])
{
    IChainNode node = Builder.Factory(options);
    var answer = await node.Chain("v3/pay/transactions/out-trade-no/{out_trade_no}").GetAsync(query);
    Console.WriteLine($"{answer.StatusCode} {answer.As<Answer>().out_trade_no}");
    return;
}

dynamic wx = Builder.Factory(options);
var res = await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_.GetAsync(query);
Console.WriteLine($"{(int)res.StatusCode} {res.Data.out_trade_no}");

internal sealed record Answer(string out_trade_no);
