using System.Text;
using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>verifier</c>: fails closed on a 2xx APIv3 response unless <see cref="SignatureCheck"/> passes over its raw
/// body. Non-2xx answers and file downloads are not signed by the platform and pass through (a bill file is checked
/// by <see cref="Download.BillAsync"/> against its bill's hash); an overseas statement with
/// <c>Wechatpay-Statement-Sha1</c> is verified over <c>{"sha1":…}</c> and its bytes checked against that SHA-1.
/// </summary>
internal sealed class V3Verifier(SignatureCheck check, CertificateRenewer? renewer) : IInterceptor
{
    private const string StatementSha1 = "Wechatpay-Statement-Sha1";

    public string Name => "verifier";

    public async Task AfterCallAsync(FlurlCall call)
    {
        var message = call.HttpResponseMessage;
        var path = call.HttpRequestMessage.RequestUri!.AbsolutePath;
        if (message is null || (int)message.StatusCode is < 200 or >= 300)
        {
            return;
        }

        string? Header(string name) => message.Headers.TryGetValues(name, out var found) ? found.FirstOrDefault() : null;
        if (CertificateRenewer.IsDownloading)
        {
            return; // the renewer's own download, verified by the renewer with the certificate it carries
        }

        if (renewer is not null && Header("Wechatpay-Serial") is { } serial && !check.Knows(serial))
        {
            await renewer.RefreshAsync().ConfigureAwait(false);
        }

        if (Downloads.IsStatement(path) && Header(StatementSha1) is { } sha1)
        {
            // An overseas statement signs {"sha1":"<header>"} instead of the file; the file is checked against the header.
            var file = await ResponseBody.ReadAsync(message).ConfigureAwait(false);
            var response = WeChatPayResponse.Of(call, file);
            check.Check(Header, Encoding.UTF8.GetBytes("{\"sha1\":\"" + sha1 + "\"}"), new ResponseRejections(response));
            Download.Check(response, "SHA1", sha1);
            return;
        }

        if (Downloads.IsFile(path))
        {
            return;
        }

        var body = await ResponseBody.ReadAsync(message).ConfigureAwait(false);
        check.Check(Header, body, new ResponseRejections(WeChatPayResponse.Of(call, body)));
    }
}
