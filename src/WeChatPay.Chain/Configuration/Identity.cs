using WeChatPay.Chain.Pipeline;

namespace WeChatPay.Chain;

/// <summary>One instance's merchant and the keys for what the platform sends on its own: notifications.</summary>
/// <param name="Mchid">The merchant id.</param>
/// <param name="Check">The APIv3 platform-signature check, when APIv3 is configured.</param>
/// <param name="ApiV3Key">The APIv3 key, when given.</param>
/// <param name="Secret">The APIv2 key, when given.</param>
internal sealed record Identity(string Mchid, SignatureCheck? Check, string? ApiV3Key, string? Secret);
