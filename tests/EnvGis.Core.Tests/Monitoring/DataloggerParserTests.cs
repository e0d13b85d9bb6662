using System.Text;
using EnvGis.Core.Monitoring;

namespace EnvGis.Core.Tests.Monitoring;

public sealed class DataloggerParserTests
{
    [Fact]
    public void Lines_are_read_with_their_numbers_and_Vietnam_time()
    {
        var text = "PM-2-5\t35.2\tug/m3\t20251120140000\t00\r\n\r\nCO\t2.5\tmg/m3\t20251120140000\t1\nTemp\t-1e1\toC\t20251120140500\t02\n";
        var (lines, problems) = DataloggerParser.Parse(Encoding.UTF8.GetBytes(text), "a.txt");
        Assert.Empty(problems);
        Assert.Equal([1, 3, 4], lines.Select(l => l.LineNumber));
        Assert.Equal(new DateTimeOffset(2025, 11, 20, 7, 0, 0, TimeSpan.Zero), lines[0].Time);
        Assert.Equal(ReadingStatus.Calibrating, lines[1].Status);
        Assert.Equal(-10, lines[2].Value);
        Assert.Equal(ReadingStatus.Fault, lines[2].Status);
    }

    [Theory]
    [InlineData("PM2.5\t35.2\tug/m3\t20251120140000", DeliveryProblemCodes.MalformedLine)]
    [InlineData("PM2.5\tabc\tug/m3\t20251120140000\t00", DeliveryProblemCodes.NonNumericValue)]
    [InlineData("PM2.5\t35,2\tug/m3\t20251120140000\t00", DeliveryProblemCodes.NonNumericValue)]
    [InlineData("PM2.5\tNaN\tug/m3\t20251120140000\t00", DeliveryProblemCodes.NonNumericValue)]
    [InlineData("PM2.5\t35.2\tug/m3\t20251320140000\t00", DeliveryProblemCodes.BadTime)]
    [InlineData("PM2.5\t35.2\tug/m3\t2025-11-20 14:00\t00", DeliveryProblemCodes.BadTime)]
    [InlineData("PM2.5\t35.2\tug/m3\t20251120140000\t03", DeliveryProblemCodes.UnknownStatus)]
    [InlineData("PM2.5\u0001\t35.2\tug/m3\t20251120140000\t00", DeliveryProblemCodes.ControlCharacters)]
    [InlineData("\t35.2\tug/m3\t20251120140000\t00", DeliveryProblemCodes.MalformedLine)]
    public void A_bad_line_is_a_problem_with_its_line_number(string line, string code)
    {
        var (lines, problems) = DataloggerParser.Parse(Encoding.UTF8.GetBytes("SO2\t10\tug/m3\t20251120140000\t00\n" + line + "\n"), "a.txt");
        Assert.Single(lines);
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Text_that_is_not_UTF8_is_refused() =>
        Assert.Equal(DeliveryProblemCodes.NotUtf8, Assert.Single(DataloggerParser.Parse(new byte[] { 0x50, 0xff, 0xfe, 0x0a }, "a.txt").Problems).Code);

    [Theory]
    [InlineData("KK-HD-01_20251120140000.txt", new[] { "KK-HD-01" })]
    [InlineData("HP_THEPHL_KT-DN-01_20251120140000.txt", new[] { "HP_THEPHL_KT-DN-01", "THEPHL_KT-DN-01", "KT-DN-01" })]
    [InlineData("20251120140000.txt", new string[0])]
    public void File_names_give_the_station_candidates(string name, string[] candidates) =>
        Assert.Equal(candidates, DataloggerFileName.Parse(name)!.StationCandidates);

    [Theory]
    [InlineData("KK-HD-01.txt")]
    [InlineData("KK-HD-01_2025112014000.txt")]
    [InlineData("KK-HD-01-20251120140000.txt")]
    [InlineData("KK-HD-01_20251120140000.csv")]
    public void Other_file_names_are_refused(string name) => Assert.Null(DataloggerFileName.Parse(name));

    [Theory]
    [InlineData("Nhiệt độ", "NHIET DO")]
    [InlineData("  nhiet   do ", "NHIET DO")]
    [InlineData("Độ đục", "DO DUC")]
    [InlineData("pm-2-5", "PM-2-5")]
    public void Parameter_names_are_compared_without_case_accents_or_extra_spaces(string name, string normalised) =>
        Assert.Equal(normalised, MonitoringNames.Parameter(name));

    [Theory]
    [InlineData("µg/m³", "ug/m3")]
    [InlineData("μg/Nm3", "ug/nm3")]
    [InlineData(" mg / L ", "mg/l")]
    public void Units_are_compared_in_one_spelling(string unit, string normalised) => Assert.Equal(normalised, MonitoringNames.Unit(unit));
}
