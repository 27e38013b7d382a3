using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>
/// One signed and verified APIv3 call through the whole chain, against the floor it cannot go below: one RSA-2048
/// signature plus one verification (PERFORMANCE.md), measured in the same run. The transport is an in-memory handler
/// answering a pre-signed response, so the difference is the library's own cost: options, URL, JSON, headers,
/// Flurl, the pipeline, and the response object.
/// </summary>
[MemoryDiagnoser]
public class SignedCallBenchmarks
{
    private const string Mchid = "1900000109";
    private const string Serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    private const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    private const string ResponseBody = """{"sub_mchid":"1900000109","order_id":"3008450740201411110007820472","out_order_no":"P20150806125346","out_return_no":"R20190516001","return_mchid":"86693852","amount":10,"return_no":"3008450740201411110007820472","result":"PROCESSING","finish_time":"2026-11-23T16:00:00+08:00"}""";

    private static readonly object Json = new
    {
        sub_mchid = "1900000109",
        order_id = "3008450740201411110007820472",
        out_return_no = "R20190516001",
        return_mchid = "86693852",
        amount = 10,
        description = "分账回退",
    };

    private readonly RsaExchange _exchange = new(Json, ResponseBody);
    private IChainNode _wx = null!;
    private IChainNode _returnOrders = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new BuilderOptions
        {
            Mchid = Mchid,
            Serial = Serial,
            PrivateKey = _exchange.Merchant,
            TimeProvider = new FrozenClock(_exchange.Now),
            HttpMessageHandler = _exchange.Answer(PublicKeyId),
        };
        options.Certs[PublicKeyId] = _exchange.Platform.ExportSubjectPublicKeyInfoPem();
        _wx = Builder.Factory(options);
        _returnOrders = _wx.Chain("v3/profitsharing/return-orders");
    }

    /// <summary>The floor: sign the request message and verify the response signature, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public bool Bare_rsa_sign_and_verify() => _exchange.SignAndVerify();

    /// <summary>A whole POST with a JSON body: built, signed, sent, verified, and its response read.</summary>
    [Benchmark]
    public async Task<int> Signed_verified_call() =>
        (await _returnOrders.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;

    /// <summary>The same through <c>dynamic</c> member access, as ported PHP code writes it.</summary>
    [Benchmark]
    public async Task<int> Signed_verified_call_through_dynamic_chain()
    {
        dynamic wx = _wx;
        WeChatPayResponse response = await wx.V3.Profitsharing.ReturnOrders.PostAsync(new { json = Json });
        return response.StatusCode;
    }

    /// <summary>The same with the verb spelled as PHP writes it (<c>postAsync</c>), bound at run time.</summary>
    [Benchmark]
    public async Task<int> Signed_verified_call_with_php_verb_spelling()
    {
        dynamic wx = _wx;
        WeChatPayResponse response = await wx.V3.Profitsharing.ReturnOrders.postAsync(new { json = Json });
        return response.StatusCode;
    }
}
