using System.Security.Cryptography;

namespace WeChatPay.Chain.Testing;

/// <summary>How to start a <see cref="FakePlatform"/>. Every value has a working default.</summary>
public sealed class FakePlatformOptions
{
    /// <summary>The merchant id the platform serves; defaults to <c>1900000109</c>.</summary>
    public string Mchid { get; set; } = "1900000109";

    /// <summary>The merchant's private key, when you bring your own; a fresh RSA-2048 key is generated otherwise.</summary>
    public RSA? MerchantKey { get; set; }

    /// <summary>The merchant API certificate serial that goes with <see cref="MerchantKey"/>; generated otherwise.</summary>
    public string? MerchantSerial { get; set; }

    /// <summary>
    /// 国密 mode: the merchant signs with SM2 (<c>WECHATPAY2-SM2-WITH-SM3</c>), and the platform judges requests and signs
    /// answers with SM3withSM2, under the SM2 WeChat Pay public key or the SM2 platform key as <see cref="SigningMode"/>
    /// says; off by default (RSA). Notification resources, certificate downloads and sensitive fields stay RSA/AES here.
    /// </summary>
    public bool Sm2 { get; set; }

    /// <summary>Which key signs the answers at start; it can be switched later through <see cref="FakePlatform.SigningMode"/>.</summary>
    public SigningMode SigningMode { get; set; } = SigningMode.PublicKey;

    /// <summary>The platform's clock, for the ±300 s window and result times; share it with the client to move time in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Reject a request whose nonce was already seen (a replayed signature); on by default.</summary>
    public bool RejectReplayedNonces { get; set; } = true;

    /// <summary>The plain HTTP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The HTTPS port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int SecurePort { get; set; }
}
