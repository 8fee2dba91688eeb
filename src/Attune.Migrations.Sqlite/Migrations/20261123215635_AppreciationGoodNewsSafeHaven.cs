using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AppreciationGoodNewsSafeHaven : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appreciations",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true),
                    favourite_of_author = table.Column<bool>(type: "INTEGER", nullable: false),
                    favourite_of_recipient = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appreciations", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "good_news",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reply = table.Column<byte[]>(type: "BLOB", nullable: true),
                    replied_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_good_news", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "support_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ways = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    what_helps = table.Column<byte[]>(type: "BLOB", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_preferences", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_support_preferences_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_requests",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    intensity = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<byte[]>(type: "BLOB", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_requests", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "support_responses",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text = table.Column<byte[]>(type: "BLOB", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_responses", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_appreciations_couple_id_created_at",
                table: "appreciations",
                columns: new[] { "couple_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_good_news_couple_id_created_at",
                table: "good_news",
                columns: new[] { "couple_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_support_requests_couple_id_user_id",
                table: "support_requests",
                columns: new[] { "couple_id", "user_id" },
                unique: true,
                filter: "closed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_support_responses_couple_id_request_id",
                table: "support_responses",
                columns: new[] { "couple_id", "request_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appreciations");

            migrationBuilder.DropTable(
                name: "good_news");

            migrationBuilder.DropTable(
                name: "support_preferences");

            migrationBuilder.DropTable(
                name: "support_requests");

            migrationBuilder.DropTable(
                name: "support_responses");
        }
    }
}
