using WeChatPay.Chain.Testing;

namespace WeChatPay.Chain.Demo;

/// <summary>The profit-sharing return seed calls, each in the three styles the PHP documentation shows.</summary>
public static class SeedCalls
{
    private const string Ecommerce = "v3/ecommerce/profitsharing/returnorders";
    private const string Direct = "v3/profitsharing/return-orders";
    private const string V2Return = "v2/secapi/pay/profitsharingreturn";

    /// <summary>Runs the calls and prints them; 0 when every call verified (or any outcome against the real platform).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var real = RealCredentials.FromEnvironment();
        var allowWrite = args.Contains("--allow-write");
        FakePlatform? platform = null;
        try
        {
            BuilderOptions options;
            if (real is null)
            {
                platform = await FakePlatform.StartAsync();
                options = platform.ClientOptions();
                Console.WriteLine($"WeChatPay.Chain demo: an embedded fake WeChat Pay platform at {platform.BaseUri} (public-key mode, {platform.Credentials.PublicKeyId}).");
                Console.WriteLine($"Set {RealCredentials.Variables} to call the real platform instead.");
            }
            else
            {
                options = real;
                Console.WriteLine($"WeChatPay.Chain demo: the real platform at {options.BaseUri ?? BuilderOptions.DefaultBaseUri} as merchant {options.Mchid}; " +
                    (allowWrite ? "requests AND queries (--allow-write)." : "queries only (pass --allow-write to request returns; they move real money)."));
            }

            dynamic wx = Builder.Factory(options);
            var stamp = DateTime.UtcNow.ToString("HHmmss");
            var failures = 0;
            var index = 0;
            foreach (var (style, node) in new (string, Func<string, dynamic>)[]
            {
                ("member chain", path => path switch
                {
                    Ecommerce => wx.V3.Ecommerce.Profitsharing.Returnorders,
                    Direct => wx.V3.Profitsharing.ReturnOrders,
                    _ => wx.V2.Secapi.Pay.Profitsharingreturn,
                }),
                ("Chain(\"…\")", path => wx.Chain(path)),
                ("indexer [\"…\"]", path => wx[path]),
            })
            {
                Console.WriteLine();
                Console.WriteLine($"── {style} ──");
                var ecommerceNo = $"R{stamp}E{++index}";
                var directNo = $"R{stamp}D{index}";
                if (real is null || allowWrite)
                {
                    failures += await Show("POST", () => node(Ecommerce).PostAsync(new { json = Return(ecommerceNo, "1900000109") }));
                    failures += await Show("POST", () => node(Direct).PostAsync(new { json = Return(directNo, null) }));
                }

                failures += await Show("GET", () => node(Ecommerce).GetAsync(new { query = new { sub_mchid = "1900000109", out_order_no = "P20150806125346", out_return_no = ecommerceNo } }));
                failures += await Show("GET", () => node(Direct)["{out_return_no}"].GetAsync(new { out_return_no = directNo, query = new { out_order_no = "P20150806125346" } }));
                if (options.Secret is not null && options.Merchant is not null && (real is null || allowWrite))
                {
                    failures += await Show("POST", () => node(V2Return).PostAsync(new { xml = ReturnV2(options.Mchid!, $"R{stamp}V{index}"), security = true }));
                }
            }

            Console.WriteLine();
            Console.WriteLine(failures == 0 ? "All calls signed, sent, and answered with verified signatures." : $"{failures} call(s) failed; see above.");
            return failures == 0 || real is not null ? 0 : 1;
        }
        finally
        {
            if (platform is not null)
            {
                await platform.DisposeAsync();
            }
        }
    }

    /// <summary>The seed's return request; the direct API takes no <c>sub_mchid</c> for a direct merchant, so it is left out.</summary>
    private static Dictionary<string, object> Return(string number, string? subMchid)
    {
        var json = new Dictionary<string, object>
        {
            ["order_id"] = "3008450740201411110007820472",
            ["out_return_no"] = number,
            ["return_mchid"] = "86693852",
            ["amount"] = 10,
            ["description"] = "分账回退",
        };
        if (subMchid is not null)
        {
            json["sub_mchid"] = subMchid;
        }

        return json;
    }

    /// <summary>The APIv2 seed's fields; <c>nonce_str</c>, <c>sign_type</c> (HMAC-SHA256 here) and <c>sign</c> are added by the library.</summary>
    private static object ReturnV2(string mchid, string number) => new
    {
        mch_id = mchid,
        sub_mch_id = "1900000109",
        appid = "wx8888888888888888",
        out_order_no = "P20150806125346",
        out_return_no = number,
        return_account_type = "MERCHANT_ID",
        return_account = "86693852",
        return_amount = 10,
        description = "用户退款",
    };

    /// <summary>Runs one call and prints its request line, the verification, and the fields returned; 1 if it failed.</summary>
    private static async Task<int> Show(string verb, Func<Task<WeChatPayResponse>> call)
    {
        try
        {
            var response = await call();
            Console.WriteLine($"{verb} {response.RequestUri.PathAndQuery}");
            Console.WriteLine(response.Header("Wechatpay-Serial") is { } serial
                ? $"  {response.StatusCode}, signature verified (Wechatpay-Serial {serial}, Request-ID {response.RequestId})"
                : $"  {response.StatusCode}, over mutual TLS, sign verified ({response.Data!.sign_type ?? "MD5"} with the APIv2 key)");
            foreach (var field in ((Newtonsoft.Json.Linq.JObject)response.Data!).Properties().Where(p => p.Name != "sign"))
            {
                Console.WriteLine($"  {field.Name,-20} {field.Value}");
            }

            return 0;
        }
        catch (WeChatPayException error)
        {
            Console.WriteLine($"{verb} {error.RequestUri.PathAndQuery}");
            Console.WriteLine($"  ✗ {error.GetType().Name}: {error.Message}");
            return 1;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            Console.WriteLine($"{verb}: not sent: {error.Message}");
            return 1;
        }
    }
}
