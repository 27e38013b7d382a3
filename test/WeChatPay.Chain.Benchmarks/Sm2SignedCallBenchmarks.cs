using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>
/// One signed and verified APIv3 call in 国密 mode (SM3withSM2 both ways) beside the same call in RSA-2048 mode, and
/// beside its floor, one bare SM2 signature plus one verification, in the same run. As in
/// <see cref="SignedCallBenchmarks"/>, the transport is an in-memory handler answering a pre-signed response, so the
/// differences are the algorithms and the library's own cost.
/// </summary>
[MemoryDiagnoser]
public class Sm2SignedCallBenchmarks
{
    private const string Mchid = "1900000109";
    private const string Serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    private const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    private const string Nonce = "e2Iu0VJ3bCxFtMbN4H6sqKpRwAoZ5x1c";
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

    private readonly Sm2PrivateKey _sm2Merchant = Sm2.CreateKey();
    private readonly Sm2PrivateKey _sm2Platform = Sm2.CreateKey();
    private readonly RSA _rsaMerchant = RSA.Create(2048);
    private readonly RSA _rsaPlatform = RSA.Create(2048);
    private string _requestMessage = null!;
    private string _responseMessage = null!;
    private string _responseSignature = null!;
    private IChainNode _sm2ReturnOrders = null!;
    private IChainNode _rsaReturnOrders = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _requestMessage = $"POST\n/v3/profitsharing/return-orders\n{timestamp}\n{Nonce}\n{Newtonsoft.Json.JsonConvert.SerializeObject(Json)}\n";
        _responseMessage = $"{timestamp}\n{Nonce}\n{ResponseBody}\n";
        _responseSignature = Sm2.Sign(_responseMessage, _sm2Platform);
        _sm2ReturnOrders = Chain(now, timestamp, _sm2Merchant, _responseSignature, _sm2Platform.PublicKey.ExportSubjectPublicKeyInfoPem(), Formatter.Sm2AuthorizationScheme);
        _rsaReturnOrders = Chain(now, timestamp, _rsaMerchant, Rsa.Sign(_responseMessage, _rsaPlatform), _rsaPlatform.ExportSubjectPublicKeyInfoPem(), null);
    }

    private static IChainNode Chain(DateTimeOffset now, string timestamp, KeySource merchant, string signature, string platformPem, string? scheme)
    {
        var options = new BuilderOptions
        {
            Mchid = Mchid,
            Serial = Serial,
            PrivateKey = merchant,
            TimeProvider = new FrozenClock(now),
            HttpMessageHandler = new CannedAnswer(ResponseBody, timestamp, Nonce, signature, PublicKeyId, scheme),
        };
        options.Certs[PublicKeyId] = platformPem;
        return Builder.Factory(options).Chain("v3/profitsharing/return-orders");
    }

    /// <summary>The floor of the 国密 call: one SM2 signature over the request message and one verification of the answer's.</summary>
    [Benchmark(Baseline = true)]
    public bool Bare_sm2_sign_and_verify() =>
        Sm2.Sign(_requestMessage, _sm2Merchant).Length > 0 && Sm2.Verify(_responseMessage, _responseSignature, _sm2Platform.PublicKey);

    /// <summary>A whole POST in 国密 mode: built, signed with SM2, sent, verified with SM2, and its response read.</summary>
    [Benchmark]
    public async Task<int> Signed_verified_sm2_call() =>
        (await _sm2ReturnOrders.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;

    /// <summary>The same call in RSA-2048 mode.</summary>
    [Benchmark]
    public async Task<int> Signed_verified_rsa_call() =>
        (await _rsaReturnOrders.PostAsync(new { json = Json }).ConfigureAwait(false)).StatusCode;
}
