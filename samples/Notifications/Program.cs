using WeChatPay.Chain;
using WeChatPay.Chain.Testing;

// dotnet run --project samples/Notifications
// Starts a notify endpoint (WeChatPay.Chain.AspNetCore) on 127.0.0.1, has the embedded fake platform deliver a real
// notification and a tampered one to it, and prints what the endpoint made of each.
await using var platform = await FakePlatform.StartAsync();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddSingleton(Builder.Factory(platform.ClientOptions())); // the merchant whose keys verify and decrypt
var app = builder.Build();
app.MapWeChatPayNotifications("/wechatpay/notify", (notice, _) =>
{
    Console.WriteLine($"  handled {notice.EventType}: out_trade_no {notice.Data.out_trade_no}, trade_state {notice.Data.trade_state}");
    return Task.CompletedTask;
});
await app.StartAsync();
var endpoint = new Uri(app.Urls.First() + "/wechatpay/notify");

var resource = new { mchid = platform.Credentials.Mchid, out_trade_no = "20150806125346", transaction_id = "4208450740201411110007820472", trade_state = "SUCCESS" };
foreach (var (what, fault) in new (string, Fault?)[] { ("a notification", null), ("a tampered notification", Fault.BadSignature) })
{
    Console.WriteLine($"The platform delivers {what} to {endpoint}:");
    using var answer = await platform.Notifications.Create("TRANSACTION.SUCCESS", resource, fault: fault).PostAsync(endpoint);
    Console.WriteLine($"  endpoint answered {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
}

await app.StopAsync();
