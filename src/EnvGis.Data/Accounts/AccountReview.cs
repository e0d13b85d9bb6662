namespace EnvGis.Data.Accounts;

/// <summary>
/// The periodic account review (Art. 11.1d): accounts never used, unused for
/// <see cref="AccountReviewStore.UnusedDays"/> days, without a named holder, and tokens past their expiry.
/// </summary>
public sealed record AccountReview(
    DateTime At,
    IReadOnlyList<ReviewedAccount> NeverUsed,
    IReadOnlyList<ReviewedAccount> Unused,
    IReadOnlyList<ReviewedAccount> NoNamedHolder,
    IReadOnlyList<ReviewedToken> ExpiredTokens);
