using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// Step <c>verifier</c>: fails closed on a 2xx APIv3 response unless <see cref="SignatureCheck"/> passes over its raw
/// body. Non-2xx answers and file downloads are not signed by the platform and pass through.
/// </summary>
internal sealed class V3Verifier(SignatureCheck check) : IInterceptor
{
    public string Name => "verifier";

    public async Task AfterCallAsync(FlurlCall call)
    {
        var message = call.HttpResponseMessage;
        if (message is null || (int)message.StatusCode is < 200 or >= 300 || Downloads.IsFile(call.HttpRequestMessage.RequestUri!.AbsolutePath))
        {
            return;
        }

        var body = await ResponseBody.ReadAsync(message).ConfigureAwait(false);
        check.Check(name => message.Headers.TryGetValues(name, out var found) ? found.FirstOrDefault() : null, body, new Rejections(WeChatPayResponse.Of(call, body)));
    }

    private sealed class Rejections(WeChatPayResponse response) : SignatureCheck.IRejections
    {
        public Exception HeadersMissing(IReadOnlyList<string> missing) => new ResponseHeadersMissingException(response, missing);

        public Exception Timestamp(string timestamp, TimeSpan? offBy, TimeSpan window) => new ResponseTimestampException(response, timestamp, offBy, window);

        public Exception UnknownSerial(string serial, IReadOnlyList<string> known) => new UnknownSerialException(response, serial, known);

        public Exception Probe(string serial) => new InvalidResponseSignatureException(response, serial);

        public Exception BadSignature(string serial) => new InvalidResponseSignatureException(response, serial);
    }
}
