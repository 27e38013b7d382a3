// The docs pages' examples, compiled and run against the fake platform. Each #region is the code block of the
// same name in docs/api/*.md, character for character (DocsSnippetTests checks that). Generated once by hand-run
// script; edit the regions and the pages together.
using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class ProfitSharingReturnExamples
{
    private FakePlatform _platform = null!;
    private dynamic wx = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await FakePlatform.StartAsync();
        wx = Builder.Factory(_platform.ClientOptions());

        // the queries need the return to exist, as it would after the request
        await wx.Chain("v3/ecommerce/profitsharing/returnorders").PostAsync(new { json = new { sub_mchid = "1900000109", order_id = "3008450740201411110007820472", out_return_no = "R20190516001", return_mchid = "86693852", amount = 10, description = "分账回退" } });
    }

    [OneTimeTearDown]
    public async Task Stop() => await _platform.DisposeAsync();


    [Test]
    public async Task Ecommerce_return_request_member_async()
    {
        #region ecommerce-request-member-async
        var res = await wx.V3.Ecommerce.Profitsharing.Returnorders.PostAsync(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "分账回退",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.out_return_no == "R20190516001", Is.True);
    }

    [Test]
    public void Ecommerce_return_request_member_sync()
    {
        #region ecommerce-request-member-sync
        var res = wx.V3.Ecommerce.Profitsharing.Returnorders.Post(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "分账回退",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.out_return_no == "R20190516001", Is.True);
    }

    [Test]
    public async Task Ecommerce_return_request_chain_async()
    {
        #region ecommerce-request-chain-async
        var res = await wx.Chain("v3/ecommerce/profitsharing/returnorders").PostAsync(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "分账回退",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.out_return_no == "R20190516001", Is.True);
    }

    [Test]
    public void Ecommerce_return_request_chain_sync()
    {
        #region ecommerce-request-chain-sync
        var res = wx.Chain("v3/ecommerce/profitsharing/returnorders").Post(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "分账回退",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.out_return_no == "R20190516001", Is.True);
    }

    [Test]
    public async Task Ecommerce_return_request_indexer_async()
    {
        #region ecommerce-request-indexer-async
        var res = await wx["v3/ecommerce/profitsharing/returnorders"].PostAsync(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "分账回退",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.out_return_no == "R20190516001", Is.True);
    }

    [Test]
    public void Ecommerce_return_request_indexer_sync()
    {
        #region ecommerce-request-indexer-sync
        var res = wx["v3/ecommerce/profitsharing/returnorders"].Post(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "分账回退",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.out_return_no == "R20190516001", Is.True);
    }

    [Test]
    public async Task Ecommerce_return_query_member_async()
    {
        #region ecommerce-query-member-async
        var res = await wx.V3.Ecommerce.Profitsharing.Returnorders.GetAsync(new
        {
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public void Ecommerce_return_query_member_sync()
    {
        #region ecommerce-query-member-sync
        var res = wx.V3.Ecommerce.Profitsharing.Returnorders.Get(new
        {
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public async Task Ecommerce_return_query_chain_async()
    {
        #region ecommerce-query-chain-async
        var res = await wx.Chain("v3/ecommerce/profitsharing/returnorders").GetAsync(new
        {
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public void Ecommerce_return_query_chain_sync()
    {
        #region ecommerce-query-chain-sync
        var res = wx.Chain("v3/ecommerce/profitsharing/returnorders").Get(new
        {
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public async Task Ecommerce_return_query_indexer_async()
    {
        #region ecommerce-query-indexer-async
        var res = await wx["v3/ecommerce/profitsharing/returnorders"].GetAsync(new
        {
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public void Ecommerce_return_query_indexer_sync()
    {
        #region ecommerce-query-indexer-sync
        var res = wx["v3/ecommerce/profitsharing/returnorders"].Get(new
        {
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516001",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public async Task Direct_return_request_member_async()
    {
        #region direct-request-member-async
        var res = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.return_id != "", Is.True);
    }

    [Test]
    public void Direct_return_request_member_sync()
    {
        #region direct-request-member-sync
        var res = wx.V3.Profitsharing.ReturnOrders.Post(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.return_id != "", Is.True);
    }

    [Test]
    public async Task Direct_return_request_chain_async()
    {
        #region direct-request-chain-async
        var res = await wx.Chain("v3/profitsharing/return-orders").PostAsync(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.return_id != "", Is.True);
    }

    [Test]
    public void Direct_return_request_chain_sync()
    {
        #region direct-request-chain-sync
        var res = wx.Chain("v3/profitsharing/return-orders").Post(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.return_id != "", Is.True);
    }

    [Test]
    public async Task Direct_return_request_indexer_async()
    {
        #region direct-request-indexer-async
        var res = await wx["v3/profitsharing/return-orders"].PostAsync(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.return_id != "", Is.True);
    }

    [Test]
    public void Direct_return_request_indexer_sync()
    {
        #region direct-request-indexer-sync
        var res = wx["v3/profitsharing/return-orders"].Post(new
        {
            json = new
            {
                sub_mchid = "1900000109",
                order_id = "3008450740201411110007820472",
                out_order_no = "",
                out_return_no = "R20190516001",
                return_mchid = "86693852",
                amount = 10,
                description = "用户退款",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.return_id != "", Is.True);
    }

    [Test]
    public async Task Direct_return_query_member_async()
    {
        #region direct-query-member-async
        var res = await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new
        {
            out_return_no = "R20190516001",
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public void Direct_return_query_member_sync()
    {
        #region direct-query-member-sync
        var res = wx.V3.Profitsharing.ReturnOrders._out_return_no_.Get(new
        {
            out_return_no = "R20190516001",
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public async Task Direct_return_query_chain_async()
    {
        #region direct-query-chain-async
        var res = await wx.Chain("v3/profitsharing/return-orders/{out_return_no}").GetAsync(new
        {
            out_return_no = "R20190516001",
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public void Direct_return_query_chain_sync()
    {
        #region direct-query-chain-sync
        var res = wx.Chain("v3/profitsharing/return-orders/{out_return_no}").Get(new
        {
            out_return_no = "R20190516001",
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public async Task Direct_return_query_indexer_async()
    {
        #region direct-query-indexer-async
        var res = await wx["v3/profitsharing/return-orders/{out_return_no}"].GetAsync(new
        {
            out_return_no = "R20190516001",
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public void Direct_return_query_indexer_sync()
    {
        #region direct-query-indexer-sync
        var res = wx["v3/profitsharing/return-orders/{out_return_no}"].Get(new
        {
            out_return_no = "R20190516001",
            query = new
            {
                sub_mchid = "1900000109",
                out_order_no = "P20150806125346",
            },
        });
        Console.WriteLine(res.Data);
        #endregion
        Assert.That((string)res.Data.result == "SUCCESS", Is.True);
    }

    [Test]
    public async Task V2_return_request_member_async()
    {
        #region v2-request-member-async
        var res = await wx.V2.Secapi.Pay.Profitsharingreturn.PostAsync(new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516002",
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 10,
                description = "用户退款",
            },
            security = true,
        });
        Console.WriteLine($"{res.Data.result} {res.Data.return_no}");
        #endregion
        Assert.That((string)res.Data.return_code, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public void V2_return_request_member_sync()
    {
        #region v2-request-member-sync
        var res = wx.V2.Secapi.Pay.Profitsharingreturn.Post(new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516002",
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 10,
                description = "用户退款",
            },
            security = true,
        });
        Console.WriteLine($"{res.Data.result} {res.Data.return_no}");
        #endregion
        Assert.That((string)res.Data.return_code, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task V2_return_request_chain_async()
    {
        #region v2-request-chain-async
        var res = await wx.Chain("v2/secapi/pay/profitsharingreturn").PostAsync(new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516002",
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 10,
                description = "用户退款",
            },
            security = true,
        });
        Console.WriteLine($"{res.Data.result} {res.Data.return_no}");
        #endregion
        Assert.That((string)res.Data.return_code, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public void V2_return_request_chain_sync()
    {
        #region v2-request-chain-sync
        var res = wx.Chain("v2/secapi/pay/profitsharingreturn").Post(new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516002",
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 10,
                description = "用户退款",
            },
            security = true,
        });
        Console.WriteLine($"{res.Data.result} {res.Data.return_no}");
        #endregion
        Assert.That((string)res.Data.return_code, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public async Task V2_return_request_indexer_async()
    {
        #region v2-request-indexer-async
        var res = await wx["v2/secapi/pay/profitsharingreturn"].PostAsync(new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516002",
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 10,
                description = "用户退款",
            },
            security = true,
        });
        Console.WriteLine($"{res.Data.result} {res.Data.return_no}");
        #endregion
        Assert.That((string)res.Data.return_code, Is.EqualTo("SUCCESS"));
    }

    [Test]
    public void V2_return_request_indexer_sync()
    {
        #region v2-request-indexer-sync
        var res = wx["v2/secapi/pay/profitsharingreturn"].Post(new
        {
            xml = new
            {
                mch_id = "1900000109",
                sub_mch_id = "1900000109",
                appid = "wx8888888888888888",
                out_order_no = "P20150806125346",
                out_return_no = "R20190516002",
                return_account_type = "MERCHANT_ID",
                return_account = "86693852",
                return_amount = 10,
                description = "用户退款",
            },
            security = true,
        });
        Console.WriteLine($"{res.Data.result} {res.Data.return_no}");
        #endregion
        Assert.That((string)res.Data.return_code, Is.EqualTo("SUCCESS"));
    }
}
