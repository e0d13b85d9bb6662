using EnvGis.Core.Records;
using EnvGis.Core.Security;

namespace EnvGis.Core.Tests.Security;

public sealed class ScopeTests
{
    [Fact]
    public void Default_areas_follow_the_kind_of_unit()
    {
        Assert.Equal(SpatialScope.Of(["HP001"]), SpatialScope.DefaultFor(new Unit("xa-hp001", UnitKind.Commune, "HP001", false)));
        Assert.Equal(SpatialScope.Of(["HP003"]), SpatialScope.DefaultFor(new Unit("dn-x", UnitKind.Enterprise, "HP003", false)));
        Assert.Null(SpatialScope.DefaultFor(new Unit("dn-y", UnitKind.Enterprise, null, false)));
        Assert.True(SpatialScope.DefaultFor(new Unit("so-y-te", UnitKind.CityDepartment, null, false))!.WholeCity);
        Assert.Throws<ArgumentException>(() => SpatialScope.Of([]));
        Assert.Equal(["HP001", "HP002"], SpatialScope.Of(["HP002", "HP001", "HP002"]).Communes);
    }

    [Fact]
    public void Roles_fit_their_units()
    {
        Assert.Contains(Role.Administrator, Roles.AllowedFor(UnitKind.Department));
        Assert.DoesNotContain(Role.Administrator, Roles.AllowedFor(UnitKind.CityDepartment));
        Assert.Equal([Role.Reporter], Roles.AllowedFor(UnitKind.Enterprise));
        Assert.Equal([Role.Client], Roles.AllowedFor(UnitKind.Client));
        Assert.Equal([Role.Editor, Role.Approver], Roles.AllowedFor(UnitKind.Commune));
        foreach (var role in Roles.All)
        {
            Assert.Equal(role, Roles.Parse(role.Name()));
        }

        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            Assert.Equal(kind, UnitKinds.Parse(kind.Name()));
        }
    }

    [Fact]
    public void An_accounts_read_scope_is_its_units_and_the_administrators_is_everything()
    {
        var unit = new Unit("xa-hp001", UnitKind.Commune, "HP001", false);
        var editor = new Account(5, "e", Role.Editor, unit, false, "H", new UnitScope(new HashSet<string> { "species_occurrences" }, SpatialScope.DefaultFor(unit)));
        var read = editor.ReadScope;
        Assert.Equal("xa-hp001", read.UnitCode);
        Assert.False(read.SeesUnpublished);
        Assert.Contains("species_occurrences", read.GrantedLayers);
        Assert.Equal(["HP001"], read.Area!.Communes);
        Assert.NotEqual(ReadScope.Anonymous.CacheKey, read.CacheKey);

        var other = new Account(6, "f", Role.Editor, unit, false, "H", new UnitScope(new HashSet<string>(), SpatialScope.DefaultFor(unit)));
        Assert.NotEqual(read.CacheKey, other.ReadScope.CacheKey);

        var admin = new Account(1, "admin", Role.Administrator, new Unit("so-nnmt", UnitKind.Department, null, true), false, null, UnitScope.None);
        Assert.Same(ReadScope.Everything, admin.ReadScope);
        Assert.True(admin.WriteScope.MayEdit("anything"));
        Assert.True(admin.WriteScope.Area!.WholeCity);
    }

    [Fact]
    public void Only_attributes_and_editable_metadata_are_writable()
    {
        Assert.NotNull(EditableMetadata.Find(RecordMetadata.ValidFrom));
        Assert.Null(EditableMetadata.Find(RecordMetadata.Status));
        Assert.Contains(RecordMetadata.Version, EditableMetadata.SystemManaged);
        Assert.Contains(RecordMetadata.OwnerUnit, EditableMetadata.SystemManaged);
    }
}
