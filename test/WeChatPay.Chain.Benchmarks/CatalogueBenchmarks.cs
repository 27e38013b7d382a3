using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace WeChatPay.Chain.Benchmarks;

/// <summary>
/// What the endpoint catalogue costs, against one RSA-2048 signature (the larger half of every call's floor) in the
/// same run: loading its index (once per process, on first use), reading every operation's fields (only the fake
/// platform and tools do), and the lookups the chain makes (only for APIv2 calls, once per chain node, and when a
/// call comes back 404).
/// </summary>
[MemoryDiagnoser]
public class CatalogueBenchmarks
{
    private readonly RSA _merchant = RSA.Create(2048);
    private readonly byte[] _message = new byte[370];

    [GlobalSetup]
    public void Setup() => _ = Catalogue.Operations;

    /// <summary>The floor of one call's signing.</summary>
    [Benchmark(Baseline = true)]
    public int Rsa_sign() => _merchant.SignData(_message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Length;

    /// <summary>Reading the index: what the first use of the catalogue in a process pays.</summary>
    [Benchmark]
    public int Load_index() => Catalogue.Load().All.Count;

    /// <summary>Reading the index and every operation's fields: what walking the whole catalogue pays once.</summary>
    [Benchmark]
    public int Load_every_operation_fields()
    {
        var count = 0;
        foreach (var operation in Catalogue.Load().All)
        {
            count += operation.Parameters.Count + operation.Response.Count;
        }

        return count;
    }

    /// <summary>The certificate lookup of an APIv2 call, done once per chain node.</summary>
    [Benchmark]
    public bool Find_apiv2_operation() => Catalogue.Find("POST", "v2/mmpaymkttransfers/promotion/transfers")?.CertificateRequired ?? false;

    /// <summary>A lookup of a path holding a literal value where the catalogue has a placeholder.</summary>
    [Benchmark]
    public string? Find_path_with_a_value() => Catalogue.Find("GET", "v3/pay/transactions/out-trade-no/1217752501201407033233368018")?.Path;

    /// <summary>The "did you mean" of a 404: paid only when a call to an uncatalogued path fails.</summary>
    [Benchmark]
    public int Suggest_for_a_typo() => Catalogue.Suggest("v3/pay/transaction/out-trade-n-o/{out_trade_no}").Count;
}
