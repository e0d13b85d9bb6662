namespace EnvGis.Data.Monitoring;

/// <summary>A VN_AQI band with its range, colour, and meaning and health advice for everyone and for sensitive groups (vi/en).</summary>
public sealed record AqiBand(
    string Band,
    int Low,
    int High,
    string Colour,
    string NameVi,
    string NameEn,
    string MeaningVi,
    string MeaningEn,
    string AdviceGeneralVi,
    string AdviceGeneralEn,
    string AdviceSensitiveVi,
    string AdviceSensitiveEn,
    string Source);
