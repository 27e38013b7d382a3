namespace WeChatPay.Chain.Tests.Chain;

public class SegmentTests
{
    [TestCase("V3", "v3")]
    [TestCase("ReturnOrders", "return-orders")]
    [TestCase("Returnorders", "returnorders")]
    [TestCase("ComplaintsV2", "complaints-v2")]
    [TestCase("profitsharing", "profitsharing")]
    [TestCase("BillDownload", "bill-download")]
    [TestCase("_out_return_no_", "{out_return_no}")]
    [TestCase("_OutTradeNo_", "{OutTradeNo}")]
    [TestCase("out_trade_no", "out_trade_no")]
    public void Normalises_member_names_like_the_php_and_node_sdks(string member, string segment) =>
        Assert.That(Segment.FromMember(member), Is.EqualTo(segment));

    [Test]
    public void Splits_literal_text_without_changing_case() =>
        Assert.That(Segment.FromLiteral("/v3/pay/transactions/out-trade-no/ORDER_Ab12", "segments"), Is.EqualTo(new[] { "v3", "pay", "transactions", "out-trade-no", "ORDER_Ab12" }));

    [TestCase("v3/applyment4sub/applyment/", "v3/applyment4sub/applyment/")]
    [TestCase("/v3//applyment4sub/applyment//", "v3/applyment4sub/applyment/")]
    [TestCase("v3/applyment4sub/applyment", "v3/applyment4sub/applyment")]
    public void Keeps_a_trailing_slash_of_literal_text(string text, string path) =>
        Assert.That(PathTemplate.Root.Append(Segment.FromLiteral(text, "segments")).Text, Is.EqualTo(path));

    [Test]
    public void A_lone_slash_ends_the_path_with_one_and_the_chain_goes_on_after_it()
    {
        var ended = PathTemplate.Root.Append(Segment.FromLiteral("v3/applyment4sub/applyment", "segments")).Append(Segment.FromLiteral("/", "segments"));

        Assert.Multiple(() =>
        {
            Assert.That(ended.Text, Is.EqualTo("v3/applyment4sub/applyment/"));
            Assert.That(ended.Expand(new Dictionary<string, string>()), Is.EqualTo("v3/applyment4sub/applyment/"));
            Assert.That(ended.Append(["x"]).Text, Is.EqualTo("v3/applyment4sub/applyment/x"));
            Assert.That(ended.Append(Segment.FromLiteral("/", "segments")).Text, Is.EqualTo("v3/applyment4sub/applyment/"));
        });
    }

    [TestCase("")]
    [TestCase("//")]
    [TestCase("///")]
    public void Rejects_literal_text_with_no_segment(string text) =>
        Assert.That(Assert.Throws<ArgumentException>(() => Segment.FromLiteral(text, "segments"))!.ParamName, Is.EqualTo("segments"));
}
