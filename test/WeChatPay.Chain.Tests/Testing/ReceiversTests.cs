using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Testing;

/// <summary>The fake platform's receivers/add takes an encrypted name only with the right Wechatpay-Serial, end to end.</summary>
public class ReceiversTests : PlatformFixture
{
    private Task<WeChatPayResponse> Add(object options) => Wx.Chain("v3/profitsharing/receivers/add").PostAsync(options);

    [Test]
    public async Task Adds_a_receiver_whose_name_is_sealed_and_opens_the_answer()
    {
        var res = await Add(new { json = new { type = "MERCHANT_ID", account = "86693852", name = Sensitive.Of("腾讯科技有限公司"), relation_type = "PARTNER" } });

        Assert.That(Platform.ProfitSharing.Receivers["86693852"], Is.EqualTo(("MERCHANT_ID", (string?)"腾讯科技有限公司")));
        Assert.That(Sensitive.Decrypt(Wx, (string)res.Data!.name), Is.EqualTo("腾讯科技有限公司"));
    }

    [Test]
    public void Platform_refuses_an_encrypted_name_without_wechatpay_serial()
    {
        var sealedName = WeChatPay.Chain.Crypto.Rsa.Encrypt("张三", Platform.Credentials.PublicKey);
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Add(new { body = $$"""{"type":"MERCHANT_ID","account":"1","name":"{{sealedName}}","relation_type":"PARTNER"}""" }));
        Assert.That(((string?)error!.Detail?["field"], error.Code), Is.EqualTo(("Wechatpay-Serial", "PARAM_ERROR")));
    }

    [Test]
    public void Platform_refuses_a_name_sealed_with_another_key_than_the_serial_names()
    {
        var sealedName = WeChatPay.Chain.Crypto.Rsa.Encrypt("张三", Platform.Credentials.PlatformKey);
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Add(new
        {
            body = $$"""{"type":"MERCHANT_ID","account":"2","name":"{{sealedName}}","relation_type":"PARTNER"}""",
            headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = Platform.Credentials.PublicKeyId },
        }));
        Assert.That((string?)error!.Detail?["field"], Is.EqualTo("name"));
    }

    [Test]
    public void Platform_refuses_a_serial_that_is_not_its_own()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Add(new
        {
            body = """{"type":"MERCHANT_ID","account":"3","name":"c2VhbGVk","relation_type":"PARTNER"}""",
            headers = new Dictionary<string, string> { ["Wechatpay-Serial"] = "PUB_KEY_ID_0999999999" },
        }));
        Assert.That((string?)error!.Detail?["field"], Is.EqualTo("Wechatpay-Serial"));
    }

    [Test]
    public void Platform_needs_the_name_of_a_merchant_receiver()
    {
        var error = Assert.ThrowsAsync<WeChatPayApiException>(() => Add(new { json = new { type = "MERCHANT_ID", account = "86693852", relation_type = "PARTNER" } }));
        Assert.That((string?)error!.Detail?["field"], Is.EqualTo("name"));
    }
}
