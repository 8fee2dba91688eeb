using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.Tests.Fixtures;

/// <summary>
/// A WebAuthn authenticator in software (one ES256 passkey, "none" attestation, user verified), so
/// tests can run real passkey ceremonies against the app: it answers the app's options with the JSON
/// a browser's navigator.credentials.create()/get() would produce.
/// </summary>
public sealed class SoftwareAuthenticator(string origin) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(16);
    private byte[] _userHandle = [];
    private uint _signCount;

    public string CredentialId => Base64Url(_credentialId);

    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        _userHandle = FromBase64Url(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var coseKey = new CborWriter(CborConformanceMode.Ctap2Canonical);
        coseKey.WriteStartMap(5);
        coseKey.WriteInt32(1);
        coseKey.WriteInt32(2); // kty: EC2
        coseKey.WriteInt32(3);
        coseKey.WriteInt32(-7); // alg: ES256
        coseKey.WriteInt32(-1);
        coseKey.WriteInt32(1); // crv: P-256
        coseKey.WriteInt32(-2);
        coseKey.WriteByteString(parameters.Q.X!);
        coseKey.WriteInt32(-3);
        coseKey.WriteByteString(parameters.Q.Y!);
        coseKey.WriteEndMap();

        // User present and verified, attested credential data included.
        byte[] authData = [.. RpIdHash(options["rp"]!["id"]!.GetValue<string>()), 0x45, .. BigEndian(0), .. new byte[16],
            .. BigEndian16(_credentialId.Length), .. _credentialId, .. coseKey.Encode()];
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();

        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url(clientData),
            ["attestationObject"] = Base64Url(attestation.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    public string Get(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        byte[] authData = [.. RpIdHash(options["rpId"]!.GetValue<string>()), 0x05, .. BigEndian(++_signCount)];
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url(clientData),
            ["authenticatorData"] = Base64Url(authData),
            ["signature"] = Base64Url(signature),
            ["userHandle"] = Base64Url(_userHandle),
        });
    }

    public void Dispose() => _key.Dispose();

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = CredentialId,
        ["rawId"] = CredentialId,
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
        ["authenticatorAttachment"] = "platform",
    }.ToJsonString();

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false,
        }));

    private static byte[] RpIdHash(string rpId) => SHA256.HashData(Encoding.UTF8.GetBytes(rpId));

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] FromBase64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
