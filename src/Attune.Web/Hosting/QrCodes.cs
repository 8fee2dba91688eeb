using QRCoder;

namespace Attune.Hosting;

internal static class QrCodes
{
    /// <summary>A PNG QR code as a data: URI, so the page loads nothing from elsewhere.</summary>
    public static string DataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
