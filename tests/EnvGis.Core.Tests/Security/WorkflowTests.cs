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
    [InlineData(RecordStatus.Published, true, RecordStatus.Published)]
    [InlineData(RecordStatus.Published, false, RecordStatus.Draft)]
    [InlineData(RecordStatus.Approved, true, RecordStatus.Approved)]
    [InlineData(RecordStatus.Submitted, true, RecordStatus.Draft)]
    [InlineData(RecordStatus.Draft, false, RecordStatus.Draft)]
    public void A_restored_state_keeps_a_reviewed_status_only_for_those_who_may_approve(string restored, bool mayApprove, string expected) =>
        Assert.Equal(expected, Workflow.AfterRestore(restored, mayApprove));
}
