using System.Text;
using Flurl.Http.Testing;

namespace WeChatPay.Chain.Testing;

/// <summary>Canned answers for Flurl's <see cref="HttpTest"/>, signed the way the platform signs, so the verifier stays on in unit tests.</summary>
public static class HttpTestExtensions
{
    /// <summary>Queues an answer with <paramref name="body"/> signed by the platform keys of <paramref name="credentials"/>.</summary>
    /// <param name="http">The <see cref="HttpTest"/> (or a <c>ForCallsTo</c> setup).</param>
    /// <param name="credentials">The keys; give the client <see cref="Credentials.ClientOptions"/> of the same set.</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="mode">Which platform key signs.</param>
    /// <param name="time">The clock the timestamp is read from; the system clock when <see langword="null"/>.</param>
    /// <param name="fault">A fault to build into the answer (the signature-related ones apply here).</param>
    public static HttpTestSetup RespondSigned(this HttpTestSetup http, Credentials credentials, string body, int status = 200, SigningMode mode = SigningMode.PublicKey, TimeProvider? time = null, Fault? fault = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Request-ID"] = Guid.NewGuid().ToString("N").ToUpperInvariant() };
        new ResponseSigner(credentials, time ?? TimeProvider.System).Sign(headers, Encoding.UTF8.GetBytes(body), mode, fault);
        return http.RespondWith(body, status, headers, replaceUnderscoreWithHyphen: false);
    }
}
