#!/usr/bin/env dotnet
// A one-file script: `dotnet run return-order.cs` (from this folder). It starts the fake platform, so it runs
// anywhere; with real credentials, build the options as in README.md instead. See docs/scripts.md.
#:property PublishAot=false
#:project ../../src/WeChatPay.Chain.Testing/WeChatPay.Chain.Testing.csproj

using WeChatPay.Chain;
using WeChatPay.Chain.Testing;

await using var platform = await FakePlatform.StartAsync();
dynamic wx = Builder.Factory(platform.ClientOptions());

var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new
{
    json = new { out_order_no = "P20150806125346", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "用户退款" },
});
Console.WriteLine($"{res.StatusCode} {res.Data.result}");

var query = await wx.V3.Profitsharing.ReturnOrders._out_return_no_
    .GetAsync(new { out_return_no = "R20190516001", query = new { out_order_no = "P20150806125346" } });
Console.WriteLine($"{query.StatusCode} {query.Data.out_return_no} {query.Data.result}");
