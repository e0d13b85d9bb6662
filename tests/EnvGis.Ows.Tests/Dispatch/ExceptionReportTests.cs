using System.Text;
using EnvGis.Ows.Dispatch;
using EnvGis.Ows.Tests.Schemas;

namespace EnvGis.Ows.Tests.Dispatch;

public sealed class ExceptionReportTests
{
    private static string Write(OwsException e, ExceptionReportWriter.Flavor flavor)
    {
        using var stream = new MemoryStream();
        using (var xml = System.Xml.XmlWriter.Create(stream, OwsXml.WriterSettings))
        {
            ExceptionReportWriter.Write(xml, e, flavor);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Ows_11_report_is_valid_and_keeps_the_ows_prefix()
    {
        var xml = Write(OwsException.Invalid("typeNames", "There is no <type> & such."), ExceptionReportWriter.Flavor.Ows11);
        Assert.Contains("<ows:ExceptionReport", xml, StringComparison.Ordinal);
        Assert.Contains("exceptionCode=\"InvalidParameterValue\" locator=\"typeNames\"", xml, StringComparison.Ordinal);
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Ows11Exceptions]));
    }

    [Fact]
    public void Ows_10_report_is_valid()
    {
        var xml = Write(OwsException.Missing("request"), ExceptionReportWriter.Flavor.Ows10);
        Assert.Contains("<ows:ExceptionReport", xml, StringComparison.Ordinal);
        OgcSchemas.AssertValid(xml, OgcSchemas.Load([OgcSchemas.Ows10Exceptions]));
    }

    [Fact]
    public void Wfs_10_report_is_a_service_exception_report()
    {
        var xml = Write(new OwsException(OwsException.OperationNotSupported, "No."), ExceptionReportWriter.Flavor.ServiceExceptionReport);
        Assert.Contains("<ServiceExceptionReport", xml, StringComparison.Ordinal);
        Assert.Contains("code=\"OperationNotSupported\"", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OwsException.MissingParameterValue, 400)]
    [InlineData(OwsException.InvalidParameterValue, 400)]
    [InlineData(OwsException.VersionNegotiationFailed, 400)]
    [InlineData(OwsException.OperationParsingFailed, 400)]
    [InlineData(OwsException.OperationNotSupported, 501)]
    [InlineData(OwsException.OptionNotSupported, 501)]
    [InlineData(OwsException.NotFound, 404)]
    [InlineData(OwsException.OperationProcessingFailed, 403)]
    public void Status_codes_follow_ows_common_and_wfs_20(string code, int status) =>
        Assert.Equal(status, new OwsException(code, "x").StatusCode);
}
