using System.Security.Cryptography;
using System.Text;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Bearer tokens: <c>envgis_</c> and 43 random base64url characters (256 bits). Only their SHA-256
/// is stored; a token is shown once, when it is created.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "envgis_";
    public const int PrefixLength = 14;

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether the text has the shape of a token (before any database lookup).</summary>
    public static bool LooksLikeToken(string token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length == Prefix.Length + 43
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
