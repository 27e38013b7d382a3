using System.Text;
using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>verifier</c>: fails closed on an APIv3 answer unless <see cref="SignatureCheck"/> passes over its raw body.
/// The headers are judged before the body is read, so a refused answer costs at most the start of its body. An error
/// answer is verified like a success when it carries signature headers; one with none passes, and is raised marked
/// unverified. File downloads are not signed by the platform and pass (a bill file is checked against its bill's
/// hash); an overseas statement with <c>Wechatpay-Statement-Sha1</c> is verified over <c>{"sha1":…}</c> and its bytes
/// are checked against that SHA-1 wherever they are read.
/// </summary>
internal sealed class V3Verifier(SignatureCheck check, CertificateRenewer? renewer) : IInterceptor
{
    private const string StatementSha1 = "Wechatpay-Statement-Sha1";

    public string Name => "verifier";

    public async Task AfterCallAsync(FlurlCall call)
    {
        var message = call.HttpResponseMessage;
        if (message is null || CertificateRenewer.IsDownloading)
        {
            return; // no answer; or the renewer's own download, verified by the renewer with the certificate it carries
        }

        string? Header(string name) => WeChatPayResponse.HeaderOf(message, name);
        var context = CallContext.Of(call);
        var path = call.HttpRequestMessage.RequestUri!.AbsolutePath;
        var success = (int)message.StatusCode is >= 200 and < 300;
        if (!success && Array.TrueForAll(SignatureCheck.Headers, h => Header(h) is null))
        {
            return; // an error answer with no signature at all: the caller raises it, marked unverified
        }

        var sha1 = success && Downloads.IsStatement(path) ? Header(StatementSha1) : null;
        if (success && sha1 is null && Downloads.IsFile(path))
        {
            return;
        }

        var signed = await JudgeAsync(call, context, r => check.Inspect(Header, r)).ConfigureAwait(false);
        if (renewer is not null && !check.Knows(signed.Serial))
        {
            await RenewAsync(renewer, call, context, signed.Serial).ConfigureAwait(false);
        }

        var key = await JudgeAsync(call, context, r => check.KeyFor(signed, r)).ConfigureAwait(false);
        if (sha1 is not null)
        {
            var signedBody = Encoding.UTF8.GetBytes("{\"sha1\":\"" + sha1 + "\"}");
            await JudgeAsync(call, context, r => SignatureCheck.Verify(signed, key, signedBody, r)).ConfigureAwait(false);
            context.Digest = ("SHA1", sha1);
        }
        else
        {
            var body = await ResponseBody.Of(message).AllAsync(context.MaxResponseBytes, context.Token).ConfigureAwait(false);
            SignatureCheck.Verify(signed, key, body, new ResponseRejections(WeChatPayResponse.Of(call, body)));
        }

        context.Verified = true;
    }

    /// <summary>
    /// Runs a check that needs only the headers; when it refuses the answer, the refusal carries the start of the body
    /// (read only then, and only up to <see cref="CallContext.ExcerptBytes"/>), for whoever reads the error.
    /// </summary>
    private static Task JudgeAsync(FlurlCall call, CallContext context, Action<SignatureCheck.IRejections> judge) =>
        JudgeAsync(call, context, r =>
        {
            judge(r);
            return true;
        });

    private static async Task<T> JudgeAsync<T>(FlurlCall call, CallContext context, Func<SignatureCheck.IRejections, T> judge)
    {
        try
        {
            return judge(new ResponseRejections(WeChatPayResponse.Of(call, [])));
        }
        catch (ResponseVerificationException)
        {
            return judge(await RejectionsAsync(call, context).ConfigureAwait(false)); // throws again, with the excerpt
        }
    }

    private static async Task<ResponseRejections> RejectionsAsync(FlurlCall call, CallContext context)
    {
        var (start, _) = await ResponseBody.Of(call.HttpResponseMessage).StartAsync(CallContext.ExcerptBytes, context.Token).ConfigureAwait(false);
        return new ResponseRejections(WeChatPayResponse.Of(call, start));
    }

    /// <summary>Downloads the certificates to learn <paramref name="serial"/>; a failure is the caller's typed error, not the download's.</summary>
    private async Task RenewAsync(CertificateRenewer renewer, FlurlCall call, CallContext context, string serial)
    {
        Exception? failure;
        try
        {
            await renewer.RefreshAsync().ConfigureAwait(false);
            failure = check.Knows(serial) ? null : renewer.LastError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }

        if (failure is not null)
        {
            var (start, _) = await ResponseBody.Of(call.HttpResponseMessage).StartAsync(CallContext.ExcerptBytes, context.Token).ConfigureAwait(false);
            throw new CertificateRenewalException(WeChatPayResponse.Of(call, start), serial, failure);
        }
    }
}
