using EnvGis.Core.Records;

namespace EnvGis.Core.Tests.Security;

public sealed class WorkflowTests
{
    [Theory]
    [InlineData(RecordStatus.Draft, RecordAction.Submit, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Rejected, RecordAction.Submit, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Submitted, RecordAction.Approve, RecordStatus.Approved)]
    [InlineData(RecordStatus.Submitted, RecordAction.Reject, RecordStatus.Rejected)]
    [InlineData(RecordStatus.Approved, RecordAction.Publish, RecordStatus.Published)]
    [InlineData(RecordStatus.Published, RecordAction.Archive, RecordStatus.Archived)]
    [InlineData(RecordStatus.Draft, RecordAction.Archive, RecordStatus.Archived)]
    [InlineData(RecordStatus.Draft, RecordAction.Update, RecordStatus.Draft)]
    [InlineData(RecordStatus.Published, RecordAction.Update, RecordStatus.Published)]
    public void The_workflow_of_article_7_allows(string from, RecordAction action, string to) =>
        Assert.Equal(to, Workflow.Next(from, action));

    [Theory]
    [InlineData(RecordStatus.Draft, RecordAction.Approve)]
    [InlineData(RecordStatus.Draft, RecordAction.Publish)]
    [InlineData(RecordStatus.Submitted, RecordAction.Publish)]
    [InlineData(RecordStatus.Approved, RecordAction.Approve)]
    [InlineData(RecordStatus.Published, RecordAction.Submit)]
    [InlineData(RecordStatus.Approved, RecordAction.Submit)]
    [InlineData(RecordStatus.Rejected, RecordAction.Publish)]
    [InlineData(RecordStatus.Archived, RecordAction.Update)]
    [InlineData(RecordStatus.Archived, RecordAction.Archive)]
    [InlineData(RecordStatus.Archived, RecordAction.Publish)]
    public void The_workflow_refuses_with_an_explanation(string from, RecordAction action)
    {
        Assert.Null(Workflow.Next(from, action));
        Assert.False(string.IsNullOrWhiteSpace(Workflow.Explain(from, action)));
    }

    [Theory]
    [InlineData(RecordStatus.Published, RecordStatus.Published, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Published, RecordStatus.Archived, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Approved, RecordStatus.Draft, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Draft, RecordStatus.Published, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Submitted, RecordStatus.Draft, RecordStatus.Draft)]
    [InlineData(RecordStatus.Draft, RecordStatus.Archived, RecordStatus.Draft)]
    public void Restored_content_is_approved_again_whenever_a_reviewed_state_is_involved(string restored, string current, string expected) =>
        Assert.Equal(expected, Workflow.AfterRestore(restored, current));

    [Theory]
    [InlineData(RecordStatus.Published, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Approved, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Draft, RecordStatus.Draft)]
    [InlineData(RecordStatus.Submitted, RecordStatus.Submitted)]
    [InlineData(RecordStatus.Rejected, RecordStatus.Rejected)]
    public void A_changed_reviewed_record_goes_back_to_approval(string status, string expected)
    {
        Assert.Equal(expected, Workflow.AfterChange(status));
        Assert.Equal(status == RecordStatus.Published, Workflow.IsPublic(status) && !Workflow.IsPublic(Workflow.AfterChange(status)));
    }
}
