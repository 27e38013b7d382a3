using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace WeChatPay.Chain.AspNetCore;

/// <summary>Reads a request body's exact bytes, the ones the signature covers, but never more than a limit.</summary>
internal static class BoundedBody
{
    /// <summary>The body, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        // A declared length over the limit is refused before a byte of the body is read.
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 4096, Math.Min(limit, int.MaxValue)));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                // A chunked body declares no length: stop at the first byte past the limit.
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
