using System.Xml;
using WeChatPay.Chain.Crypto;

namespace WeChatPay.Chain.Tests.Crypto;

public class TransformerTests
{
    [Test]
    public void Writes_fields_in_order_with_cdata_only_where_needed() =>
        Assert.That(Transformer.ToXml(new Dictionary<string, string> { ["mch_id"] = "1900000109", ["description"] = "A&B <退款>", ["note"] = "x]]>y" }),
            Is.EqualTo("<xml><mch_id>1900000109</mch_id><description><![CDATA[A&B <退款>]]></description><note><![CDATA[x]]]]><![CDATA[>y]]></note></xml>"));

    [TestCase("1abc")]
    [TestCase("a b")]
    [TestCase("a><evil")]
    public void Refuses_a_field_name_that_is_not_an_xml_name(string name) =>
        Assert.Throws<ArgumentException>(() => Transformer.ToXml(new Dictionary<string, string> { [name] = "v" }));

    [Test]
    public void Reads_what_it_writes()
    {
        var fields = new Dictionary<string, string> { ["return_code"] = "SUCCESS", ["description"] = "A&B <退款>", ["note"] = "x]]>y", ["empty"] = "" };
        Assert.That(Transformer.ToDictionary(Transformer.ToXml(fields)), Is.EqualTo(fields));
    }

    [Test]
    public void Refuses_an_external_entity()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><return_code>&xxe;</return_code></xml>""";
        Assert.Throws<XmlException>(() => Transformer.ToDictionary(xxe));
    }

    [Test]
    public void Refuses_entity_expansion()
    {
        const string laughs = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><return_code>&c;</return_code></xml>""";
        Assert.Throws<XmlException>(() => Transformer.ToDictionary(laughs));
    }

    [Test]
    public void Refuses_a_document_whose_root_is_not_xml() =>
        Assert.Throws<XmlException>(() => Transformer.ToDictionary("<html><body/></html>"));
}
