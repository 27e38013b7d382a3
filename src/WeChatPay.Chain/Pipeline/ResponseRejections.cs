namespace WeChatPay.Chain.Pipeline;

/// <summary>The exception for each failed check of a response's signature, carrying the response.</summary>
internal sealed class ResponseRejections(WeChatPayResponse response) : SignatureCheck.IRejections
{
    public Exception HeadersMissing(IReadOnlyList<string> missing) => new ResponseHeadersMissingException(response, missing);

    public Exception Duplicated(string header) => new DuplicateResponseHeaderException(response, header);

    public Exception Timestamp(string timestamp, TimeSpan? offBy, TimeSpan window) => new ResponseTimestampException(response, timestamp, offBy, window);

    public Exception UnknownSerial(string serial, IReadOnlyList<string> known) => new UnknownSerialException(response, serial, known);

    public Exception Probe(string serial) => new InvalidResponseSignatureException(response, serial);

    public Exception BadSignature(string serial) => new InvalidResponseSignatureException(response, serial);
}
