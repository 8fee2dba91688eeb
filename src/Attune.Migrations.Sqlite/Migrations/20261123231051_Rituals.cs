using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Rituals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ritual_reflections",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ritual_reflections", x => new { x.couple_id, x.session_id, x.author_id });
                });

            migrationBuilder.CreateTable(
                name: "ritual_sessions",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ritual_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ritual_sessions", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rituals",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    title = table.Column<byte[]>(type: "BLOB", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    local_time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rituals", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_ritual_sessions_couple_id_started_at",
                table: "ritual_sessions",
                columns: new[] { "couple_id", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ritual_reflections");

            migrationBuilder.DropTable(
                name: "ritual_sessions");

            migrationBuilder.DropTable(
                name: "rituals");
        }
    }
}
