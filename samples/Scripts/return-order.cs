#!/usr/bin/env dotnet
#:property PublishAot=false
#:project ../../src/WeChatPay.Chain.Testing/WeChatPay.Chain.Testing.csproj

using WeChatPay.Chain;
using WeChatPay.Chain.Testing;

await using var platform = await FakePlatform.StartAsync();
dynamic wx = Builder.Factory(platform.ClientOptions());

var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = new { out_order_no = "P20150806125346", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "用户退款" } });
Console.WriteLine($"{res.StatusCode} {res.Data.result}");
