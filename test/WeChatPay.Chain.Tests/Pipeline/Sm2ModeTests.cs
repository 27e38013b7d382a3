using WeChatPay.Chain.Crypto;
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

/// <summary>
/// The chain in 国密 mode over real HTTP against the fake platform: requests signed with SM3withSM2 under
/// <c>WECHATPAY2-SM2-WITH-SM3</c>, answers verified with the SM2 key their serial names.
/// </summary>
public class Sm2ModeTests
{
    private FakePlatform _platform = null!;

    // A platform per test: returns draw on the order's returnable amount, which must not depend on test order.
    [SetUp]
    public async Task Start() => _platform = await FakePlatform.StartAsync(new FakePlatformOptions { Sm2 = true });

    [TearDown]
    public async Task Stop() => await _platform.DisposeAsync();

    private IChainNode Wx(Action<BuilderOptions>? change = null) => _platform.Client(change);

    private static Task<WeChatPayResponse> CreateEcommerce(IChainNode wx, string number) =>
        wx.Chain("v3/ecommerce/profitsharing/returnorders").PostAsync(new
        {
            json = new { sub_mchid = "1900000109", order_id = "3008450740201411110007820472", out_return_no = number, return_mchid = "86693852", amount = 10, description = "分账回退" },
        });

    [TestCase(SigningMode.PublicKey)]
    [TestCase(SigningMode.PlatformCertificate)]
    public async Task Creates_and_queries_an_ecommerce_return(SigningMode mode)
    {
        _platform.SigningMode = mode;
        var wx = Wx();
        var number = "RE" + mode;
        var created = await CreateEcommerce(wx, number);
        var queried = await wx.Chain("v3/ecommerce/profitsharing/returnorders").GetAsync(new
        {
            query = new { sub_mchid = "1900000109", order_id = "3008450740201411110007820472", out_return_no = number },
        });

        Assert.That((created.StatusCode, queried.StatusCode), Is.EqualTo((200, 200)), "verified, or they would have thrown");
        Assert.That((string)queried.Data!.return_no, Is.EqualTo((string)created.Data!.return_no));
        Assert.That((string)queried.Data!.out_return_no, Is.EqualTo(number));
        Assert.That(created.Header("Wechatpay-Signature-Type"), Is.EqualTo(Formatter.Sm2AuthorizationScheme));
    }

    [TestCase(SigningMode.PublicKey)]
    [TestCase(SigningMode.PlatformCertificate)]
    public async Task Creates_and_queries_a_direct_return(SigningMode mode)
    {
        _platform.SigningMode = mode;
        var wx = Wx();
        var number = "RD" + mode;
        var created = await wx.Chain("v3/profitsharing/return-orders").PostAsync(new
        {
            json = new { out_order_no = "P20150806125346", out_return_no = number, return_mchid = "86693852", amount = 10, description = "用户退款" },
        });
        var queried = await wx.Chain("v3/profitsharing/return-orders/{out_return_no}").GetAsync(new
        {
            out_return_no = number,
            query = new { out_order_no = "P20150806125346" },
        });

        Assert.That((created.StatusCode, queried.StatusCode), Is.EqualTo((200, 200)), "verified, or they would have thrown");
        Assert.That((string)queried.Data!.return_id, Is.EqualTo((string)created.Data!.return_id));
        Assert.That((string)queried.Data!.out_return_no, Is.EqualTo(number));
    }

    [Test]
    public async Task Signs_requests_under_the_SM2_scheme()
    {
        await CreateEcommerce(Wx(), "RSCHEME");
        var logged = _platform.Requests[^1];
        Assert.That(logged.Accepted, Is.True);
        Assert.That(logged.Headers["Authorization"], Does.StartWith("WECHATPAY2-SM2-WITH-SM3 mchid=\"1900000109\",serial_no=\"" + _platform.Credentials.MerchantSerial + "\","));
    }

    [Test]
    public async Task Takes_the_SM2_key_as_PEM_text_or_a_file()
    {
        var pem = _platform.Credentials.Sm2MerchantKey!.ExportPkcs8PrivateKeyPem();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, pem);
            foreach (var source in new KeySource[] { pem, "file://" + file })
            {
                var answer = await CreateEcommerce(Wx(o => o.PrivateKey = source), "RPEM" + Random.Shared.Next());
                Assert.That(answer.StatusCode, Is.EqualTo(200), source.Kind);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void The_platform_refuses_a_request_signed_with_another_SM2_key()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => CreateEcommerce(Wx(o => o.PrivateKey = Sm2.CreateKey()), "RWRONG"))!;
        Assert.That((error.StatusCode, error.Code), Is.EqualTo((401, "SIGN_ERROR")));
        Assert.That(_platform.Requests[^1].Rejection, Does.Contain("signature does not verify"));
    }

    [Test]
    public void The_platform_refuses_an_RSA_signed_request_from_an_SM2_merchant()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => CreateEcommerce(Wx(o => o.PrivateKey = _platform.Credentials.MerchantKey), "RRSA"))!;
        Assert.That((error.StatusCode, error.Code), Is.EqualTo((401, "SIGN_ERROR")));
        Assert.That(_platform.Requests[^1].Rejection, Does.Contain("WECHATPAY2-SM2-WITH-SM3"));
    }

    [TestCase(Fault.BadSignature)]
    [TestCase(Fault.WrongKey)]
    public void Refuses_an_answer_whose_SM2_signature_does_not_verify(Fault fault)
    {
        _platform.Faults.Inject(fault);
        var error = Assert.ThrowsAsync<InvalidResponseSignatureException>(() => CreateEcommerce(Wx(), "RBAD" + fault))!;
        Assert.That(error.Serial, Is.EqualTo(_platform.Credentials.PublicKeyId));
    }

    [Test]
    public void Refuses_an_SM2_answer_when_the_serial_names_an_RSA_key()
    {
        // The SM2 public key id now names the RSA public key: an SM2 signature must not pass under it.
        var wx = Wx(o => o.Certs[_platform.Credentials.PublicKeyId] = _platform.Credentials.PublicKey.ExportSubjectPublicKeyInfoPem());
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => CreateEcommerce(wx, "RMIXED"));
    }

    [Test]
    public async Task Verifies_answers_with_an_SM2_platform_certificate()
    {
        _platform.SigningMode = SigningMode.PlatformCertificate;
        var serial = _platform.Credentials.Sm2PlatformSerial!;
        var certificate = new Crypto.Sm2TestKeys(_platform.Credentials.Sm2PlatformKey!).CertificateWithSerial(serial);
        var wx = Wx(o => o.Certs[serial] = certificate);
        Assert.That((await CreateEcommerce(wx, "RCERT")).StatusCode, Is.EqualTo(200));

        var other = new Crypto.Sm2TestKeys().CertificateWithSerial(serial);
        Assert.ThrowsAsync<InvalidResponseSignatureException>(() => CreateEcommerce(Wx(o => o.Certs[serial] = other), "RCERT2"));
    }

    [Test]
    public void Names_the_option_when_the_key_is_on_another_curve()
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var pem = p256.ExportPkcs8PrivateKeyPem();
        var error = Assert.Throws<ArgumentException>(() => Wx(o => o.PrivateKey = pem))!;
        Assert.That(error.ParamName, Is.EqualTo(nameof(BuilderOptions.PrivateKey)));
        Assert.That(error.Message, Does.Contain("SM2").And.Not.Contain(pem.Split('\n')[1]));
    }

    [Test]
    public void Names_the_option_when_an_SM2_public_key_is_given_to_sign()
    {
        var error = Assert.Throws<ArgumentException>(() => Wx(o => o.PrivateKey = _platform.Credentials.Sm2MerchantKey!.PublicKey))!;
        Assert.That(error.ParamName, Is.EqualTo(nameof(BuilderOptions.PrivateKey)));
        Assert.That(error.Message, Does.Contain("cannot sign"));
    }
}
