using System.Security.Cryptography;
using System.Text;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

public class Sm4Tests
{
    private const string ApiV3Key = "0123456789abcdefghijklmnopqrstuv";
    private const string Nonce = "fdasflkja484";

    [Test]
    public void Encrypts_a_block_as_the_standard_does()
    {
        // GB/T 32907-2016, Appendix A, example 1: key and plaintext are the same block.
        var block = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        Assert.That(Convert.ToHexString(Sm4.EncryptBlock(block, block)), Is.EqualTo("681EDF34D206965E86B3E94F536E4246"));
    }

    [Test]
    public void Seals_rfc_8998s_sm4_gcm_example()
    {
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var associatedData = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plaintext = Convert.FromHexString(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        const string Ciphertext = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D";
        const string Tag = "83DE3541E4C2B58177E065A9BF7B62EC";

        Assert.That(Convert.ToHexString(Sm4.Seal(key, nonce, associatedData, plaintext)), Is.EqualTo(Ciphertext + Tag));
        Assert.That(Sm4.Open(key, nonce, associatedData, Convert.FromHexString(Ciphertext + Tag)), Is.EqualTo(plaintext));
    }

    [Test]
    public void Keys_sm4_by_the_first_128_bits_of_the_sm3_of_the_apiv3_key()
    {
        var digest = Convert.FromHexString(Sm3.Hex(ApiV3Key));
        Assert.That(Sm4.KeyFrom(ApiV3Key), Is.EqualTo(digest[..16]));

        var sealedText = Sm4.Encrypt("{\"mchid\":\"1900000109\"}", ApiV3Key, Nonce, "transaction");
        var opened = Sm4.Open(digest[..16], Encoding.ASCII.GetBytes(Nonce), Encoding.ASCII.GetBytes("transaction"), Convert.FromBase64String(sealedText));
        Assert.That(Encoding.UTF8.GetString(opened), Is.EqualTo("{\"mchid\":\"1900000109\"}"));
        Assert.That(Sm4.Decrypt(sealedText, ApiV3Key, Nonce, "transaction"), Is.EqualTo("{\"mchid\":\"1900000109\"}"));
    }

    [Test]
    public void Output_is_ciphertext_then_a_16_byte_tag_in_base64() =>
        Assert.That(Convert.FromBase64String(Sm4.Encrypt("张三", ApiV3Key, Nonce)), Has.Length.EqualTo(Encoding.UTF8.GetByteCount("张三") + 16));

    [TestCase("other-associated-data", ApiV3Key, Nonce)]
    [TestCase("transaction", "0123456789abcdefghijklmnopqrstuw", Nonce)]
    [TestCase("transaction", ApiV3Key, "fdasflkja485")]
    public void Refuses_the_wrong_key_nonce_or_associated_data(string associatedData, string key, string nonce)
    {
        var sealedText = Sm4.Encrypt("secret", ApiV3Key, Nonce, "transaction");
        Assert.Throws<AuthenticationTagMismatchException>(() => Sm4.Decrypt(sealedText, key, nonce, associatedData));
    }

    [Test]
    public void Refuses_altered_ciphertext_and_aes_gcm_ciphertext()
    {
        var bytes = Convert.FromBase64String(Sm4.Encrypt("secret", ApiV3Key, Nonce, "transaction"));
        bytes[0] ^= 1;
        Assert.Throws<AuthenticationTagMismatchException>(() => Sm4.Decrypt(Convert.ToBase64String(bytes), ApiV3Key, Nonce, "transaction"));
        var aes = WeChatPay.Chain.Crypto.AesGcm.Encrypt("secret", ApiV3Key, Nonce, "transaction");
        Assert.Throws<AuthenticationTagMismatchException>(() => Sm4.Decrypt(aes, ApiV3Key, Nonce, "transaction"));
    }

    [Test]
    public void Names_an_apiv3_key_of_the_wrong_length_without_showing_it()
    {
        var error = Assert.Throws<CryptographicException>(() => Sm4.Encrypt("x", "short-key", Nonce));
        Assert.That(error!.Message, Does.Contain("APIv3 key").And.Contain("32").And.Not.Contain("short-key"));
    }

    [Test]
    public void Refuses_a_ciphertext_shorter_than_its_tag() =>
        Assert.Throws<CryptographicException>(() => Sm4.Decrypt(Convert.ToBase64String(new byte[15]), ApiV3Key, Nonce));
}
