using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Attune.Encryption;

/// <summary>
/// ASP.NET Core Data Protection's keys (they protect sign-in cookies, bearer tokens and antiforgery tokens) are
/// written to the key folder encrypted by the <see cref="MasterKey"/>: each key's secret element is sealed with
/// AES-256-GCM under the master key, bound to its own purpose, so the XML files hold no key material in clear and
/// cannot be read without master.key.
/// </summary>
internal static class DataProtectionKeys
{
    public static IServiceCollection AddDataProtectionKeyEncryption(this IServiceCollection services)
    {
        services.AddOptions<KeyManagementOptions>().Configure<MasterKey>((o, masterKey) => o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey));
        return services;
    }
}

/// <summary>Seals a Data Protection key's secret under the master key.</summary>
internal sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    internal static readonly XName Element = "attuneSealedSecret";

    // Binds the sealed secret to this use, so it can never be mistaken for a wrapped data key.
    internal static readonly byte[] Purpose = Encoding.UTF8.GetBytes("attune-data-protection-key");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            var sealedSecret = masterKey.Wrap(plaintext, Purpose);
            var element = new XElement(Element, new XAttribute("masterKeyId", masterKey.Id), Convert.ToBase64String(sealedSecret));
            return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; Data Protection creates it by type name with the app's services.</summary>
internal sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <summary>Throws <see cref="CryptographicException"/> when the element was altered or sealed under another master key: fail closed.</summary>
    public XElement Decrypt(XElement encryptedElement)
    {
        if (encryptedElement.Name != MasterKeyXmlEncryptor.Element)
        {
            throw new CryptographicException($"Expected a {MasterKeyXmlEncryptor.Element} element.");
        }

        var plaintext = services.GetRequiredService<MasterKey>().Unwrap(Convert.FromBase64String(encryptedElement.Value), MasterKeyXmlEncryptor.Purpose);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
