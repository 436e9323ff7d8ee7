using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MMEvol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Trainer = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SnapshotFilter = table.Column<string>(type: "TEXT", nullable: true),
                    SnapshotItems = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotHash = table.Column<string>(type: "TEXT", nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotOverrides = table.Column<int>(type: "INTEGER", nullable: false),
                    OverridesHash = table.Column<string>(type: "TEXT", nullable: false),
                    Settings = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    Loss = table.Column<double>(type: "REAL", nullable: true),
                    SamplesPerSecond = table.Column<double>(type: "REAL", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", nullable: true),
                    RunFolder = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRuns_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingMetrics",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    Loss = table.Column<double>(type: "REAL", nullable: true),
                    LearningRate = table.Column<double>(type: "REAL", nullable: true),
                    Epoch = table.Column<double>(type: "REAL", nullable: true),
                    SamplesPerSecond = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingMetrics", x => new { x.RunId, x.Step });
                    table.ForeignKey(
                        name: "FK_TrainingMetrics_TrainingRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_DatasetId_Id",
                table: "TrainingRuns",
                columns: new[] { "DatasetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_JobId",
                table: "TrainingRuns",
                column: "JobId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingMetrics");

            migrationBuilder.DropTable(
                name: "TrainingRuns");
        }
    }
}
