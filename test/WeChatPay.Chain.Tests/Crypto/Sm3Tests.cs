using System.Text;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

public class Sm3Tests
{
    // GB/T 32905-2016, Appendix A: example 1 ("abc") and example 2 ("abcd" sixteen times, two blocks).
    [TestCase("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [TestCase("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Hashes_the_standards_examples(string message, string digest)
    {
        Assert.That(Sm3.Hex(message), Is.EqualTo(digest));
        Assert.That(Sm3.HashData(Encoding.ASCII.GetBytes(message)), Is.EqualTo(Convert.FromHexString(digest)));
    }

    [Test]
    public void Hashes_text_as_utf8() =>
        Assert.That(Sm3.Hex("国密"), Is.EqualTo(Convert.ToHexString(Sm3.HashData(Encoding.UTF8.GetBytes("国密"))).ToLowerInvariant()).And.Not.EqualTo(Sm3.Hex("??")));
}
