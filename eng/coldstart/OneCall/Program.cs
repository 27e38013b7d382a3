using WeChatPay.Chain;

// The call a one-call script makes, written as a script would: keys from file:// paths, a dynamic chain, one query.
// eng/coldstart/run.sh runs it beside the same call made with wechatpay-axios-plugin (one-call.js).
static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set");

dynamic wx = Builder.Factory(new BuilderOptions
{
    Mchid = Env("WECHATPAY_MCHID"),
    Serial = Env("WECHATPAY_SERIAL"),
    PrivateKey = Env("WECHATPAY_PRIVATE_KEY"),
    Certs = { [Env("WECHATPAY_PUBLIC_KEY_ID")] = Env("WECHATPAY_PUBLIC_KEY") },
    BaseUri = new Uri(Env("WECHATPAY_BASE_URI")),
});

var res = await wx.V3.Pay.Transactions.OutTradeNo._out_trade_no_
    .GetAsync(new { out_trade_no = "1217752501201407033233368018", query = new { mchid = Env("WECHATPAY_MCHID") } });
Console.WriteLine($"{(int)res.StatusCode} {res.Data.out_trade_no}");
