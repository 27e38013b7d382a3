namespace WeChatPay.Chain.Crypto;

/// <summary>
/// The two ways WeChat Pay seals an APIv3 resource with the APIv3 key (a notification's <c>resource</c>, a downloaded
/// certificate's <c>encrypt_certificate</c>), by the <c>algorithm</c> name the resource gives: AEAD_AES_256_GCM
/// (<see cref="AesGcm"/>) and, for 国密 merchants, AEAD_SM4_GCM (<see cref="Sm4"/>).
/// </summary>
internal static class SealedResource
{
    public const string AesGcmName = "AEAD_AES_256_GCM";

    public const string Sm4GcmName = "AEAD_SM4_GCM";

    /// <summary>Both names, for messages: "this library opens …".</summary>
    public const string Names = AesGcmName + " and " + Sm4GcmName;

    public static bool IsKnown(string algorithm) => algorithm is AesGcmName or Sm4GcmName;

    /// <summary>The plaintext of a resource sealed with <paramref name="algorithm"/>, which must be <see cref="IsKnown"/>.</summary>
    public static string Open(string algorithm, string ciphertext, string key, string nonce, string associatedData) =>
        algorithm == Sm4GcmName
            ? Sm4.Decrypt(ciphertext, key, nonce, associatedData)
            : AesGcm.Decrypt(ciphertext, key, nonce, associatedData);
}
