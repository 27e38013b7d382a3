using System.Security.Cryptography;
using System.Text;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

public class AesTests
{
    private const string ApiV3Key = "0123456789abcdefghijklmnopqrstuv";
    private const string Nonce = "fdasflkja484";

    [Test]
    public void Aes_gcm_output_is_ciphertext_then_tag_in_base64()
    {
        var sealedText = WeChatPay.Chain.Crypto.AesGcm.Encrypt("{\"mchid\":\"1900000109\"}", ApiV3Key, Nonce, "transaction");
        var bytes = Convert.FromBase64String(sealedText);
        var plain = new byte[bytes.Length - 16];
        using var bcl = new System.Security.Cryptography.AesGcm(Encoding.ASCII.GetBytes(ApiV3Key), 16);
        bcl.Decrypt(Encoding.ASCII.GetBytes(Nonce), bytes.AsSpan(0, plain.Length), bytes.AsSpan(plain.Length), plain, Encoding.ASCII.GetBytes("transaction"));
        Assert.That(Encoding.UTF8.GetString(plain), Is.EqualTo("{\"mchid\":\"1900000109\"}"));
        Assert.That(WeChatPay.Chain.Crypto.AesGcm.Decrypt(sealedText, ApiV3Key, Nonce, "transaction"), Is.EqualTo("{\"mchid\":\"1900000109\"}"));
    }

    [TestCase("other-associated-data", ApiV3Key)]
    [TestCase("transaction", "0123456789abcdefghijklmnopqrstuw")]
    public void Aes_gcm_refuses_the_wrong_key_or_associated_data(string associatedData, string key)
    {
        var sealedText = WeChatPay.Chain.Crypto.AesGcm.Encrypt("secret", ApiV3Key, Nonce, "transaction");
        Assert.Throws<AuthenticationTagMismatchException>(() => WeChatPay.Chain.Crypto.AesGcm.Decrypt(sealedText, key, Nonce, associatedData));
    }

    [Test]
    public void Aes_gcm_names_a_key_of_the_wrong_length_without_showing_it()
    {
        var error = Assert.Throws<CryptographicException>(() => WeChatPay.Chain.Crypto.AesGcm.Encrypt("x", "short-key", Nonce));
        Assert.That(error!.Message, Does.Contain("32").And.Not.Contain("short-key"));
    }

    [Test]
    public void Aes_ecb_matches_the_bcl_and_keys_refunds_by_the_md5_of_the_apiv2_key()
    {
        var key = AesEcb.RefundKey("192006250b4c09247ec02edce69f6a2d");
        Assert.That(key, Is.EqualTo(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes("192006250b4c09247ec02edce69f6a2d"))).ToLowerInvariant()));
        var sealedText = AesEcb.Encrypt("<root><out_refund_no>R1</out_refund_no></root>", key);
        using var aes = Aes.Create();
        aes.Key = Encoding.ASCII.GetBytes(key);
        Assert.That(Encoding.UTF8.GetString(aes.DecryptEcb(Convert.FromBase64String(sealedText), PaddingMode.PKCS7)), Is.EqualTo("<root><out_refund_no>R1</out_refund_no></root>"));
        Assert.That(AesEcb.Decrypt(sealedText, key), Is.EqualTo("<root><out_refund_no>R1</out_refund_no></root>"));
    }

    [Test]
    public void Aes_ecb_refuses_the_wrong_key()
    {
        var sealedText = AesEcb.Encrypt("<root/>", AesEcb.RefundKey("192006250b4c09247ec02edce69f6a2d"));
        Assert.Throws<CryptographicException>(() => AesEcb.Decrypt(sealedText, AesEcb.RefundKey("00000000000000000000000000000000")));
    }
}
