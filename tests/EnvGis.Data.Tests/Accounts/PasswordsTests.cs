using EnvGis.Data.Accounts;

namespace EnvGis.Data.Tests.Accounts;

public sealed class PasswordsTests
{
    [Fact]
    public void Passwords_are_hashed_with_a_salt_and_verified()
    {
        var first = Passwords.Hash("correct horse battery");
        Assert.NotEqual(first, Passwords.Hash("correct horse battery"));
        Assert.DoesNotContain("correct", first);
        Assert.True(Passwords.Verify(first, "correct horse battery", out _));
        Assert.False(Passwords.Verify(first, "correct horse batterY", out _));
        Assert.False(Passwords.Verify(null, "anything at all", out _));
    }

    [Theory]
    [InlineData("short", "user")]
    [InlineData("aaaaaaaaaaaa", "user")]
    [InlineData("my-user-password", "user")]
    [InlineData("", "user")]
    public void Weak_passwords_are_refused(string password, string user) => Assert.NotNull(Passwords.Problem(password, user));

    [Fact]
    public void Generated_passwords_and_tokens_are_long_random_and_acceptable()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => Passwords.Generate()).ToList();
        Assert.Equal(50, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.Null(Passwords.Problem(p, "admin")));
        var token = ApiTokens.Generate();
        Assert.True(ApiTokens.LooksLikeToken(token));
        Assert.False(ApiTokens.LooksLikeToken(token[..^1]));
        Assert.False(ApiTokens.LooksLikeToken(token[..^1] + "!"));
        Assert.Equal(32, ApiTokens.HashOf(token).Length);
    }
}
