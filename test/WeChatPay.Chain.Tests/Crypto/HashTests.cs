using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

public class HashTests
{
    private static readonly Dictionary<string, string> Official = new()
    {
        ["appid"] = "wxd930ea5d5a258f4f",
        ["mch_id"] = "10000100",
        ["device_info"] = "1000",
        ["body"] = "test",
        ["nonce_str"] = "ibuaiVcKdpRxkhJA",
    };

    private const string Key = "192006250b4c09247ec02edce69f6a2d";

    [Test]
    public void Signs_the_official_vector_with_md5() =>
        Assert.That(Hash.Sign(Official, Key, "MD5"), Is.EqualTo("9A0A8659F005D6984697E2CA0A9CF3B7"));

    [Test]
    public void Signs_the_official_vector_with_hmac_sha256() =>
        Assert.That(Hash.Sign(Official, Key, "HMAC-SHA256"), Is.EqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"));

    [Test]
    public void Leaves_out_sign_and_empty_fields()
    {
        var withExtras = new Dictionary<string, string>(Official) { ["sign"] = "WHATEVER", ["attach"] = "" };
        Assert.That(Hash.Sign(withExtras, Key, "MD5"), Is.EqualTo("9A0A8659F005D6984697E2CA0A9CF3B7"));
    }

    [Test]
    public void Sorts_keys_by_ordinal_byte_order() =>
        Assert.That(Formatter.QueryStringLike(new Dictionary<string, string> { ["b"] = "2", ["B"] = "1", ["a_b"] = "3", ["aB"] = "4" }), Is.EqualTo("B=1&aB=4&a_b=3&b=2"));

    [Test]
    public void Refuses_an_unknown_sign_type() =>
        Assert.Throws<ArgumentException>(() => Hash.Sign(Official, Key, "SHA1"));

    [Test]
    public void Compares_signatures_exactly()
    {
        Assert.That(Hash.Equals("9A0A8659F005D6984697E2CA0A9CF3B7", "9A0A8659F005D6984697E2CA0A9CF3B7"), Is.True);
        Assert.That(Hash.Equals("9A0A8659F005D6984697E2CA0A9CF3B7", "9a0a8659f005d6984697e2ca0a9cf3b7"), Is.False);
        Assert.That(Hash.Equals("9A0A8659F005D6984697E2CA0A9CF3B7", "9A0A8659F005D6984697E2CA0A9CF3"), Is.False);
        Assert.That(Hash.Equals("9A0A8659F005D6984697E2CA0A9CF3B7", null), Is.False);
    }
}
