namespace EnvGis.Data.Exchange;

/// <summary>A shared category list (danh mục dùng chung) and its current version (0 before the first).</summary>
public sealed record CodeList(string Code, string TitleVi, string TitleEn, string Source, int CurrentVersion, DateTimeOffset? PublishedAt);
