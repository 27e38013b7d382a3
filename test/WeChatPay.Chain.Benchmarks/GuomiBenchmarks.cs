using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>
/// What a 国密 merchant's calls cost in signing and verifying: SM2 (on BouncyCastle, managed code) beside RSA-2048 (on
/// OpenSSL through System.Security.Cryptography), each over a message the size of a typical APIv3 request.
/// </summary>
[MemoryDiagnoser]
public class GuomiBenchmarks
{
    private const string Message = "POST\n/v3/pay/transactions/native\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\",\"description\":\"Image形象店-深圳腾大-QQ公仔\",\"out_trade_no\":\"1217752501201407033233368018\",\"notify_url\":\"https://www.weixin.qq.com/wxpay/pay.php\",\"amount\":{\"total\":100,\"currency\":\"CNY\"}}\n";

    private readonly RSA _rsa = RSA.Create(2048);
    private Sm2PrivateKey _sm2 = null!;
    private string _rsaSignature = null!;
    private string _sm2Signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo((ECPrivateKeyParameters)generator.GenerateKeyPair().Private).GetEncoded();
        _sm2 = Sm2.LoadPrivateKey(new string(PemEncoding.Write("PRIVATE KEY", pkcs8)));
        _rsaSignature = Rsa.Sign(Message, _rsa);
        _sm2Signature = Sm2.Sign(Message, _sm2);
    }

    /// <summary>The RSA floor of every call today.</summary>
    [Benchmark(Baseline = true)]
    public string Rsa_sign() => Rsa.Sign(Message, _rsa);

    /// <summary>Checking a response or notification with RSA.</summary>
    [Benchmark]
    public bool Rsa_verify() => Rsa.Verify(Message, _rsaSignature, _rsa);

    /// <summary>Signing a request as <c>WECHATPAY2-SM2-WITH-SM3</c>.</summary>
    [Benchmark]
    public string Sm2_sign() => Sm2.Sign(Message, _sm2);

    /// <summary>Checking a 国密 response or notification.</summary>
    [Benchmark]
    public bool Sm2_verify() => Sm2.Verify(Message, _sm2Signature, _sm2.PublicKey);
}
