using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_marks",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    mark = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    marked_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    marked_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_marks", x => new { x.couple_id, x.activity_key });
                });

            migrationBuilder.CreateTable(
                name: "activity_plans",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    title = table.Column<byte[]>(type: "BLOB", nullable: false),
                    planned_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    planned_time = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    done_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    memory = table.Column<byte[]>(type: "BLOB", nullable: true),
                    added_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    done_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_plans", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_plans_couple_id_planned_date",
                table: "activity_plans",
                columns: new[] { "couple_id", "planned_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_marks");

            migrationBuilder.DropTable(
                name: "activity_plans");
        }
    }
}
