using Org.BouncyCastle.Crypto.Parameters;

namespace WeChatPay.Chain.Crypto;

/// <summary>An SM2 public key on sm2p256v1, parsed once by <see cref="Sm2.LoadPublicKey"/>.</summary>
public sealed class Sm2PublicKey
{
    internal Sm2PublicKey(ECPublicKeyParameters parameters) => Parameters = parameters;

    internal ECPublicKeyParameters Parameters { get; }

    /// <summary>Names the kind of key.</summary>
    public override string ToString() => "SM2 public key (sm2p256v1)";
}
