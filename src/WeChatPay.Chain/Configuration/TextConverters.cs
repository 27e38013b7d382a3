using System.ComponentModel;
using System.Globalization;

namespace WeChatPay.Chain;

/// <summary>
/// Turns configuration text into a <see cref="KeySource"/> (PEM text or a <c>file://</c> path), so
/// <see cref="BuilderOptions.PrivateKey"/> and <see cref="BuilderOptions.Certs"/> bind from <c>IConfiguration</c> like
/// any other option.
/// </summary>
internal sealed class KeySourceConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? KeySource.FromString(text) : base.ConvertFrom(context, culture, value);
}

/// <summary>
/// Turns configuration text into a <see cref="MerchantCertificate"/>: the path of <c>apiclient_cert.p12</c>, whose
/// password is the merchant id as WeChat Pay issues it (another password needs the constructor, in code).
/// </summary>
internal sealed class MerchantCertificateConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string path ? new MerchantCertificate(path) : base.ConvertFrom(context, culture, value);
}
