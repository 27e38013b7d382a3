// The examples of docs/catalogue.md, compiled and run.
using System.Text;

namespace WeChatPay.Chain.Tests.Docs;

public class CatalogueExamples
{
    [Test]
    public void Describe_an_operation()
    {
        var printed = new StringBuilder();
        var Console = new StringWriter(printed);
        #region catalogue-find
        ApiOperation? close = Catalogue.Find("POST", "v3/pay/transactions/out-trade-no/{out_trade_no}/close");
        foreach (ApiField field in close!.Parameters)
        {
            Console.WriteLine($"{field.Location,-5} {field.Name} {field.Type}{(field.IsRequired ? " required" : "")}");
        }
        // Path  out_trade_no string required
        // Body  mchid string required
        #endregion
        Assert.That(printed.ToString(), Does.Contain("Path  out_trade_no string required").And.Contain("Body  mchid string required"));
    }

    [Test]
    public void Literal_values_and_other_methods()
    {
        #region catalogue-lookups
        var query = Catalogue.Find("get", "v3/pay/transactions/out-trade-no/1217752501201407033233368018");   // a value matches {out_trade_no}
        var verbs = Catalogue.OnPath("v3/profitsharing/return-orders").Select(o => o.Method);                   // POST
        var needsCertificate = Catalogue.Find("POST", "v2/mmpaymkttransfers/promotion/transfers")!.CertificateRequired; // true
        var nearest = Catalogue.Suggest("v3/pay/transaction/out-trade-n-o/{out_trade_no}");                    // v3/pay/transactions/out-trade-no/{out_trade_no}, …
        #endregion
        Assert.Multiple(() =>
        {
            Assert.That(query?.Path, Is.EqualTo("v3/pay/transactions/out-trade-no/{out_trade_no}"));
            Assert.That(verbs, Is.EqualTo(new[] { "POST" }));
            Assert.That(needsCertificate, Is.True);
            Assert.That(nearest[0], Is.EqualTo("v3/pay/transactions/out-trade-no/{out_trade_no}"));
        });
    }

    [Test]
    public void Every_operation()
    {
        #region catalogue-enumerate
        var apiv2 = Catalogue.Operations.Count(o => o.IsV2);
        var sensitive = Catalogue.Operations.Where(o => o.Parameters.Any(p => p.IsSensitive || p.Fields.Any(f => f.IsSensitive)));
        #endregion
        Assert.That(apiv2, Is.GreaterThan(130));
        Assert.That(sensitive, Is.Not.Empty);
    }
}
