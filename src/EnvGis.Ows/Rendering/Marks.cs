using SkiaSharp;

namespace EnvGis.Ows.Rendering;

/// <summary>
/// The SLD well-known marks (<c>circle</c>, <c>square</c>, <c>triangle</c>, <c>star</c>, <c>cross</c>,
/// <c>x</c>) as closed paths centred on the origin whose height is the symbolizer's Size, as the
/// portal draws them too. An unknown name draws a square (the SLD default).
/// </summary>
public static class Marks
{
    public static SKPath Create(string name, float size, float rotationDegrees)
    {
        var r = size / 2;
        using var path = new SKPathBuilder();
        switch (name)
        {
            case "circle":
                path.AddCircle(0, 0, r, SKPathDirection.Clockwise);
                break;
            case "triangle":
                path.MoveTo(0, -r);
                path.LineTo(r, r);
                path.LineTo(-r, r);
                path.Close();
                break;
            case "star":
                Star(path, r, r * 0.382f);
                break;
            case "cross":
                Cross(path, r);
                break;
            case "x":
                Cross(path, r);
                rotationDegrees += 45;
                break;
            default:
                path.AddRect(new SKRect(-r, -r, r, r), SKPathDirection.Clockwise);
                break;
        }

        var result = path.Detach();
        if (rotationDegrees != 0)
        {
            result.Transform(SKMatrix.CreateRotationDegrees(rotationDegrees));
        }

        return result;
    }

    private static void Star(SKPathBuilder path, float outer, float inner)
    {
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            var x = (float)(radius * Math.Cos(angle));
            var y = (float)(radius * Math.Sin(angle));
            if (i == 0)
            {
                path.MoveTo(x, y);
            }
            else
            {
                path.LineTo(x, y);
            }
        }

        path.Close();
    }

    // A plus sign whose arms are a quarter of the size thick.
    private static void Cross(SKPathBuilder path, float r)
    {
        var t = r / 4;
        path.MoveTo(-t, -r);
        path.LineTo(t, -r);
        path.LineTo(t, -t);
        path.LineTo(r, -t);
        path.LineTo(r, t);
        path.LineTo(t, t);
        path.LineTo(t, r);
        path.LineTo(-t, r);
        path.LineTo(-t, t);
        path.LineTo(-r, t);
        path.LineTo(-r, -t);
        path.LineTo(-t, -t);
        path.Close();
    }
}
