using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace WeChatPay.Chain.Transport;

/// <summary>Trust in a server's TLS certificate given by <see cref="BuilderOptions.TrustedRoots"/> instead of the system's.</summary>
internal static class ServerTrust
{
    /// <summary>The server certificate chains to one of <paramref name="roots"/>, and names the host it was reached by.</summary>
    public static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
