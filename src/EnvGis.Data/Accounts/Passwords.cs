using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace EnvGis.Data.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2), the password
/// rule, and generated passwords for new accounts and handovers (shown once, never stored in clear).
/// </summary>
public static class Passwords
{
    public const int MinimumLength = 10;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    // Verified against when a user name is unknown, so a miss costs as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Generate()));

    public static string Hash(string password) => Hasher.HashPassword(Nobody, password);

    /// <summary>Whether <paramref name="password"/> matches; <paramref name="rehash"/> when the hash should be upgraded.</summary>
    public static bool Verify(string? hash, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(Nobody, hash ?? DecoyHash.Value, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    /// <summary>A random password of 20 characters without look-alike letters (about 117 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>Why <paramref name="password"/> is not acceptable for <paramref name="userName"/>, or null.</summary>
    public static string? Problem(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"A password needs at least {MinimumLength} characters.";
        }

        if (EnvGis.Core.Text.TextCheck.Problem(password) is { } why)
        {
            return $"A password {why}.";
        }

        if (password.Length > 256)
        {
            return "A password may have at most 256 characters.";
        }

        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "A password may not contain the user name.";
        }

        return password.Distinct().Count() < 4 ? "A password needs more different characters." : null;
    }
}
